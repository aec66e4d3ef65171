// Reads of the lists as they are, for the API (src/catalog).

// name: listRegions
// Every region with its parent's code.
MATCH (r:Region)
RETURN r.code AS code, r.name AS name, r.level AS level,
  COLLECT { MATCH (parent:Region)-[:CONTAINS]->(r) RETURN parent.code }[0] AS parent
ORDER BY size(r.code), code

// name: listDepartments
// Departments with their region, optionally of one region only.
MATCH (d:Department)-[:IN]->(r:Region)
WHERE $region IS NULL OR r.code = $region
RETURN d.id AS id, d.name AS name, d.kind AS kind, coalesce(d.aliases, []) AS aliases,
  coalesce(d.coordinator, false) AS coordinator, r.code AS region
ORDER BY id

// name: departmentsByIds
// The departments with the given ids.
UNWIND $ids AS key
MATCH (d:Department {id: key})-[:IN]->(r:Region)
RETURN d.id AS id, d.name AS name, d.kind AS kind, coalesce(d.aliases, []) AS aliases,
  coalesce(d.coordinator, false) AS coordinator, r.code AS region

// name: sectionsOfDepartments
// The sections of each given department.
UNWIND $ids AS key
MATCH (:Department {id: key})-[:HAS_SECTION]->(s:Section)
RETURN key AS department, s.id AS id, s.name AS name, s.posts AS posts, s.staffed AS staffed
ORDER BY id

// name: powerItemsOfDepartments
// The power items each given department holds, with their section and matter ids.
UNWIND $ids AS key
MATCH (:Department {id: key})-[:HOLDS]->(p:PowerItem)
RETURN key AS department, p.code AS code, p.name AS name, p.type AS type, p.level AS level,
  p.description AS description,
  COLLECT { MATCH (s:Section)-[:IMPLEMENTS]->(p) RETURN s.id ORDER BY s.id } AS sectionIds,
  COLLECT { MATCH (p)-[:CONCERNS]->(m:Matter) RETURN m.id ORDER BY m.id } AS matterIds
ORDER BY code

// name: listMatters
// Every matter with its parent's id (induced ones merged away left out).
MATCH (m:Matter)
WHERE m.mergedInto IS NULL
RETURN m.id AS id, m.name AS name, coalesce(m.keywords, []) AS keywords, coalesce(m.source, 'imported') AS source,
  coalesce(m.confirmed, false) AS confirmed, coalesce(m.words, []) AS words,
  COLLECT { MATCH (m)-[:PART_OF]->(parent:Matter) RETURN parent.id }[0] AS parent
ORDER BY id

// name: powerItemsByCodes
// The power items with the given codes, with their department, section and matter ids.
UNWIND $codes AS key
MATCH (d:Department)-[:HOLDS]->(p:PowerItem {code: key})
RETURN p.code AS code, p.name AS name, p.type AS type, p.level AS level, p.description AS description, d.id AS department,
  COLLECT { MATCH (s:Section)-[:IMPLEMENTS]->(p) RETURN s.id ORDER BY s.id } AS sectionIds,
  COLLECT { MATCH (p)-[:CONCERNS]->(m:Matter) RETURN m.id ORDER BY m.id } AS matterIds

// name: sectionsByIds
// The sections with the given ids.
UNWIND $ids AS key
MATCH (d:Department)-[:HAS_SECTION]->(s:Section {id: key})
RETURN d.id AS department, s.id AS id, s.name AS name, s.posts AS posts, s.staffed AS staffed

// name: powerItemCodesOfMatters
// The codes of the power items concerning each given matter.
UNWIND $ids AS key
MATCH (:Matter {id: key})<-[:CONCERNS]-(p:PowerItem)
RETURN key AS matter, p.code AS code
ORDER BY code

// name: departmentsOfRegions
// The departments of each given region.
UNWIND $codes AS key
MATCH (d:Department)-[:IN]->(:Region {code: key})
RETURN key AS region, d.id AS id, d.name AS name, d.kind AS kind, coalesce(d.aliases, []) AS aliases,
  coalesce(d.coordinator, false) AS coordinator, key AS regionCode
ORDER BY id

// name: boundaryItemsOfDepartments
// The boundary items each given department leads or cooperates on (department scope).
UNWIND $ids AS key
MATCH (b:BoundaryItem)-[role:LEAD|COOPERATES]->(:Department {id: key})
RETURN key AS department, b.id AS id, b.title AS title, b.text AS text, b.scope AS scope, coalesce(b.status, 'published') AS status,
  [(b)-[:IN]->(r:Region) | r.code][0] AS region,
  [(b)-[:LEAD]->(x) | {id: x.id, name: x.name}][0] AS lead,
  [(b)-[:COOPERATES]->(x) | {id: x.id, name: x.name}] AS cooperating,
  [(b)-[:CONCERNS]->(m:Matter) | m.id] AS matterIds
ORDER BY id
