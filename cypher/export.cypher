// Bundle export (src/ingest/export-bundle.ts): one query per bundle file, records in bundle
// shape, sorted by key so that two exports of the same graph are byte for byte the same.
// Nulls are dropped by the caller.

// name: exportRegions
// Regions with their parent.
MATCH (n:Region)
RETURN n.code AS code, n.name AS name, n.level AS level,
  COLLECT { MATCH (parent:Region)-[:CONTAINS]->(n) RETURN parent.code }[0] AS parent
ORDER BY code

// name: exportDepartments
// Departments with their region.
MATCH (n:Department)
RETURN n.id AS id, n.name AS name,
  COLLECT { MATCH (n)-[:IN]->(r:Region) RETURN r.code }[0] AS region,
  n.kind AS kind, n.aliases AS aliases, n.coordinator AS coordinator
ORDER BY id

// name: exportSections
// Sections with their department.
MATCH (n:Section)
RETURN n.id AS id, COLLECT { MATCH (d:Department)-[:HAS_SECTION]->(n) RETURN d.id }[0] AS department,
  n.name AS name, n.posts AS posts, n.staffed AS staffed
ORDER BY id

// name: exportMatters
// Matters with their parent; induced matters are the graph's own reading of the lists, not part of them.
MATCH (n:Matter)
WHERE n.source IS NULL
RETURN n.id AS id, n.name AS name, n.keywords AS keywords,
  COLLECT { MATCH (n)-[:PART_OF]->(p:Matter) RETURN p.id }[0] AS parent
ORDER BY id

// name: exportPowerItems
// Power items with holder, sections, legal bases, supervision duties, matters and city mirror.
MATCH (n:PowerItem)
RETURN n.code AS code, n.name AS name, n.type AS type,
  COLLECT { MATCH (d:Department)-[:HOLDS]->(n) RETURN d.id }[0] AS department,
  COLLECT { MATCH (s:Section)-[:IMPLEMENTS]->(n) RETURN s.id ORDER BY s.id } AS sections,
  n.level AS level, n.description AS description,
  COLLECT {
    MATCH (n)-[r:BASED_ON]->(b:LegalBasis)
    RETURN {id: b.id, title: b.title, article: r.article, status: b.status} ORDER BY b.id
  } AS legalBasis,
  COLLECT { MATCH (n)-[:HAS_DUTY]->(duty:SupervisionDuty) RETURN duty.text ORDER BY duty.seq } AS supervision,
  COLLECT { MATCH (n)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL RETURN m.id ORDER BY m.id } AS matters,
  COLLECT { MATCH (n)-[:CORRESPONDS_TO]->(city:PowerItem) RETURN city.code }[0] AS correspondsTo
ORDER BY code

// name: exportServiceItems
// Service items with the power item each realises.
MATCH (n:ServiceItem)
RETURN n.code AS code, n.name AS name, n.level AS level,
  COLLECT { MATCH (n)-[:REALIZES]->(p:PowerItem) RETURN p.code }[0] AS powerItem
ORDER BY code

// name: exportTasks
// Tasks with their section and matters.
MATCH (n:Task)
RETURN n.id AS id, COLLECT { MATCH (s:Section)-[:PERFORMS]->(n) RETURN s.id }[0] AS section,
  n.name AS name, n.flowchart AS flowchart, n.norm AS norm,
  COLLECT { MATCH (n)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL RETURN m.id ORDER BY m.id } AS matters
ORDER BY id

// name: exportBoundaryItems
// Boundary items with region, lead, cooperating parties and matters.
MATCH (n:BoundaryItem)
RETURN n.id AS id, n.title AS title, n.text AS text, n.scope AS scope,
  COLLECT { MATCH (n)-[:IN]->(r:Region) RETURN r.code }[0] AS region,
  COLLECT { MATCH (n)-[:LEAD]->(lead) RETURN lead.id }[0] AS lead,
  COLLECT { MATCH (n)-[:COOPERATES]->(party) RETURN party.id ORDER BY party.id } AS cooperating,
  COLLECT { MATCH (n)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL RETURN m.id ORDER BY m.id } AS matters,
  n.status AS status, n.batch AS batch, n.publishedAt AS publishedAt
ORDER BY id

// name: exportComplaints
// Complaints with district, matter and routing chain.
MATCH (n:Complaint)
RETURN n.id AS id, n.text AS text, n.receivedAt AS receivedAt,
  COLLECT { MATCH (n)-[:IN]->(r:Region) RETURN r.code }[0] AS district,
  COLLECT { MATCH (n)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL RETURN m.id }[0] AS matter,
  COLLECT {
    MATCH (n)-[r:ROUTED]->(d:Department)
    RETURN {department: d.id, at: r.at, outcome: r.outcome, reason: r.reason} ORDER BY r.seq
  } AS routes,
  n.satisfied AS satisfied, n.dueAt AS dueAt, n.closedAt AS closedAt, n.rating AS rating
ORDER BY id

// name: exportVolumes
// Yearly volumes of each power item in each section.
MATCH (p:PowerItem)-[v:VOLUME]->(s:Section)
RETURN p.code AS powerItem, s.id AS section, v.year AS year, v.received AS received, v.completed AS completed
ORDER BY powerItem, section, year
