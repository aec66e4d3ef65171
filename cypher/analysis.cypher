// Reads behind `dutygraph analyze` (src/analysis/load-snapshot.ts). Each query aggregates in the
// database and returns rows proportional to the lists, never to the complaints: a province's
// three million complaints come back as counts per district, matter and department.

// name: analysisRegions
MATCH (r:Region)
OPTIONAL MATCH (parent:Region)-[:CONTAINS]->(r)
RETURN r.code AS code, r.name AS name, r.level AS level, parent.code AS parent

// name: analysisDepartments
MATCH (d:Department)-[:IN]->(r:Region)
RETURN d.id AS id, d.name AS name, r.code AS region, coalesce(d.coordinator, false) AS coordinator

// name: analysisMatters
// Imported and induced matters (not the ids merged away into another).
MATCH (m:Matter)
WHERE m.mergedInto IS NULL
OPTIONAL MATCH (m)-[:PART_OF]->(parent:Matter)
RETURN m.id AS id, m.name AS name, parent.id AS parent, m.source = 'induced' AS induced, m.words AS words

// name: analysisPowerItems
// Every power item with what the reconciliation and staleness checks need. The counts are
// degrees (read from the node, no neighbour visited): only sections IMPLEMENT a power item, only
// service items REALIZE one and it is BASED_ON legal bases alone. A province has 270,000 items;
// titles come back only for repealed bases, so most rows carry no list.
MATCH (d:Department)-[:HOLDS]->(p:PowerItem)
OPTIONAL MATCH (p)-[:CORRESPONDS_TO]->(mirrored:PowerItem)
RETURN p.code AS code, p.name AS name, p.type AS type, p.level AS level, d.id AS department, mirrored.code AS correspondsTo,
       [(p)-[:CONCERNS]->(m:Matter) | m.id] AS matters,
       COUNT { (p)<-[:IMPLEMENTS]-() } AS sections,
       COUNT { (p)-[:BASED_ON]->() } AS bases,
       [(p)-[:BASED_ON]->(basis:LegalBasis) WHERE basis.status = 'repealed' | basis.title] AS repealedBases,
       COUNT { (p)<-[:REALIZES]-() } AS serviceItems

// name: analysisSections
MATCH (d:Department)-[:HAS_SECTION]->(s:Section)
RETURN s.id AS id, s.name AS name, d.id AS department, COUNT { (s)-[:PERFORMS]->(:Task) } AS tasks

// name: analysisTasks
// Tasks with their department and matters; flowchart and norm absent count as missing.
MATCH (d:Department)-[:HAS_SECTION]->(s:Section)-[:PERFORMS]->(t:Task)
RETURN t.id AS id, t.name AS name, s.id AS section, d.id AS department,
       coalesce(t.flowchart, false) AS flowchart, coalesce(t.norm, false) AS norm, [(t)-[:CONCERNS]->(m:Matter) | m.id] AS matters

// name: analysisServiceItems
MATCH (si:ServiceItem)
RETURN si.code AS code, si.name AS name, si.level AS level, [(si)-[:REALIZES]->(p:PowerItem) | p.code] AS powerItems

// name: analysisBoundaryItems
// Department-scope boundary items (section items divide work inside one department).
MATCH (b:BoundaryItem {scope: 'department'})
OPTIONAL MATCH (b)-[:IN]->(r:Region)
RETURN b.id AS id, b.title AS title, coalesce(b.status, 'published') AS status, r.code AS region,
       [(b)-[:LEAD]->(d:Department) | d.id][0] AS lead, [(b)-[:COOPERATES]->(d:Department) | d.id] AS cooperating,
       [(b)-[:CONCERNS]->(m:Matter) | m.id] AS matters

// name: analysisComplaintVolumes
// Complaints per district and matter: how many, how many bounced (reached more than one
// department or were refused or returned at least once), how many nobody took, a few ids of
// each. From the routing tallies (cypher/tallies.cypher), kept as complaints come in.
MATCH (t:MatterTally)
RETURN t.region AS region, t.matter AS matter, t.complaints AS complaints, t.bounced AS bounced, t.refusedByAll AS refusedByAll,
       t.bouncedSample AS bouncedSample, t.refusedSample AS refusedSample

// name: analysisRoutingByDepartment
// Per district, matter and department: complaints it took and complaints it turned away.
MATCH (t:RouteTally)
WHERE t.region <> ''
RETURN t.region AS region, t.matter AS matter, t.department AS department,
       t.accepted + t.resolved AS taken, t.refused + t.returned AS refused

// name: analysisRefusalPairs
// Who refuses whom: for each refusal, the department that refused and the one the complaint
// went to next, per matter.
MATCH (t:RefusalTally)
RETURN t.matter AS matter, t.refuser AS refuser, t.next AS next, t.complaints AS complaints

// name: analysisCoHandled
// Department pairs that handled the same complaints (both reached by one complaint).
MATCH (t:CoHandledTally)
RETURN t.a AS a, t.b AS b, t.complaints AS complaints
