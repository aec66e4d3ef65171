// Bundle import (src/ingest/write-bundle.ts). A record's node is written without its import
// hash; its outgoing relationships of its own kind are then replaced and the hash set. The hash
// is thus a commit marker: a record whose import was cut between the two has no hash (and, in
// the files written in two passes, importPending) and is written again when the import is rerun.

// name: existingRecords
// The import hash of each given key already in the graph, per label (null hash: made outside an
// import; '~pending': written by an import that was cut before it linked the record).
CALL () { UNWIND $regions AS k MATCH (n:Region {code: k}) RETURN collect({key: k, hash: CASE WHEN n.importPending THEN '~pending' ELSE n.importHash END}) AS regions }
CALL () { UNWIND $departments AS k MATCH (n:Department {id: k}) RETURN collect({key: k, hash: n.importHash}) AS departments }
CALL () { UNWIND $sections AS k MATCH (n:Section {id: k}) RETURN collect({key: k, hash: n.importHash}) AS sections }
CALL () { UNWIND $matters AS k MATCH (n:Matter {id: k}) RETURN collect({key: k, hash: CASE WHEN n.importPending THEN '~pending' ELSE n.importHash END}) AS matters }
CALL () { UNWIND $powerItems AS k MATCH (n:PowerItem {code: k}) RETURN collect({key: k, hash: CASE WHEN n.importPending THEN '~pending' ELSE n.importHash END}) AS powerItems }
CALL () { UNWIND $serviceItems AS k MATCH (n:ServiceItem {code: k}) RETURN collect({key: k, hash: n.importHash}) AS serviceItems }
CALL () { UNWIND $tasks AS k MATCH (n:Task {id: k}) RETURN collect({key: k, hash: n.importHash}) AS tasks }
CALL () { UNWIND $boundaryItems AS k MATCH (n:BoundaryItem {id: k}) RETURN collect({key: k, hash: n.importHash}) AS boundaryItems }
CALL () { UNWIND $complaints AS k MATCH (n:Complaint {id: k}) RETURN collect({key: k, hash: n.importHash}) AS complaints }
CALL () {
  UNWIND $volumes AS v
  MATCH (:PowerItem {code: v.powerItem})-[r:VOLUME {year: v.year}]->(:Section {id: v.section})
  RETURN collect({key: v.key, hash: r.importHash}) AS volumes
}
RETURN regions, departments, sections, matters, powerItems, serviceItems, tasks, boundaryItems, complaints, volumes

// name: graphKeys
// The keys of every node a bundle record may refer to, per label.
CALL () { MATCH (n:Region) RETURN collect(n.code) AS regions }
CALL () { MATCH (n:Department) RETURN collect(n.id) AS departments }
CALL () { MATCH (n:Section) RETURN collect(n.id) AS sections }
CALL () { MATCH (n:Matter) RETURN collect(n.id) AS matters }
CALL () { MATCH (n:PowerItem) RETURN collect(n.code) AS powerItems }
RETURN regions, departments, sections, matters, powerItems

// name: implementingSections
// The sections implementing each power item of the graph (to default a volume's section).
MATCH (s:Section)-[:IMPLEMENTS]->(p:PowerItem)
RETURN p.code AS code, collect(s.id) AS sections

// name: upsertRegions
// Creates or replaces the fields of regions.
UNWIND $rows AS row
MERGE (n:Region {code: row.key})
SET n = row.props

// name: upsertDepartments
// Creates or replaces the fields of departments.
UNWIND $rows AS row
MERGE (n:Department {id: row.key})
SET n = row.props

// name: upsertSections
// Creates or replaces the fields of sections.
UNWIND $rows AS row
MERGE (n:Section {id: row.key})
SET n = row.props

// name: upsertMatters
// Creates or replaces the fields of matters.
UNWIND $rows AS row
MERGE (n:Matter {id: row.key})
SET n = row.props

// name: upsertPowerItems
// Creates or replaces the fields of power items.
UNWIND $rows AS row
MERGE (n:PowerItem {code: row.key})
SET n = row.props

// name: upsertServiceItems
// Creates or replaces the fields of service items.
UNWIND $rows AS row
MERGE (n:ServiceItem {code: row.key})
SET n = row.props

// name: upsertTasks
// Creates or replaces the fields of tasks.
UNWIND $rows AS row
MERGE (n:Task {id: row.key})
SET n = row.props

// name: upsertBoundaryItems
// Creates or replaces the fields of boundary items.
UNWIND $rows AS row
MERGE (n:BoundaryItem {id: row.key})
SET n = row.props

// name: upsertComplaints
// Creates or replaces the fields of complaints.
UNWIND $rows AS row
MERGE (n:Complaint {id: row.key})
SET n = row.props

// name: createRegions
// Creates regions that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:Region)
SET n = row.props

// name: createDepartments
// Creates departments that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:Department)
SET n = row.props

// name: createSections
// Creates sections that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:Section)
SET n = row.props

// name: createMatters
// Creates matters that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:Matter)
SET n = row.props

// name: createPowerItems
// Creates power items that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:PowerItem)
SET n = row.props

// name: createServiceItems
// Creates service items that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:ServiceItem)
SET n = row.props

// name: createTasks
// Creates tasks that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:Task)
SET n = row.props

// name: createBoundaryItems
// Creates boundary items that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:BoundaryItem)
SET n = row.props

// name: createComplaints
// Creates complaints that are not in the graph yet (cheaper than MERGE; the key constraint still guards).
UNWIND $rows AS row
CREATE (n:Complaint)
SET n = row.props

// name: createComplaintsLinked
// Creates new complaints with district, matter, routing chain and hash in one statement: the
// bulk of every hotline import, so it skips the separate link step the other files take.
UNWIND $rows AS row
CREATE (n:Complaint)
SET n = row.props, n.importHash = row.hash
WITH n, row
CALL (n, row) { MATCH (district:Region {code: row.district}) CREATE (n)-[:IN]->(district) }
CALL (n, row) { MATCH (m:Matter {id: row.matter}) CREATE (n)-[:CONCERNS]->(m) }
CALL (n, row) {
  UNWIND range(1, size(row.routes)) AS seq
  WITH n, seq, row.routes[seq - 1] AS route
  MATCH (d:Department {id: route.department})
  CREATE (n)-[:ROUTED {seq: seq, at: route.at, outcome: route.outcome, reason: route.reason}]->(d)
}

// name: linkRegions
// Replaces each region's parent: (parent)-[:CONTAINS]->(region).
UNWIND $rows AS row
MATCH (n:Region {code: row.key})
SET n.importHash = row.hash
REMOVE n.importPending
WITH n, row
CALL (n) { MATCH (:Region)-[old:CONTAINS]->(n) DELETE old }
CALL (n, row) { MATCH (parent:Region {code: row.parent}) MERGE (parent)-[:CONTAINS]->(n) }

// name: linkDepartments
// Replaces each department's region: (department)-[:IN]->(region).
UNWIND $rows AS row
MATCH (n:Department {id: row.key})
SET n.importHash = row.hash
WITH n, row
CALL (n) { MATCH (n)-[old:IN]->(:Region) DELETE old }
CALL (n, row) { MATCH (region:Region {code: row.region}) MERGE (n)-[:IN]->(region) }

// name: linkSections
// Replaces each section's department: (department)-[:HAS_SECTION]->(section).
UNWIND $rows AS row
MATCH (n:Section {id: row.key})
SET n.importHash = row.hash
WITH n, row
CALL (n) { MATCH (:Department)-[old:HAS_SECTION]->(n) DELETE old }
CALL (n, row) { MATCH (d:Department {id: row.department}) MERGE (d)-[:HAS_SECTION]->(n) }

// name: linkMatters
// Replaces each matter's parent: (matter)-[:PART_OF]->(parent).
UNWIND $rows AS row
MATCH (n:Matter {id: row.key})
SET n.importHash = row.hash
REMOVE n.importPending
WITH n, row
CALL (n) { MATCH (n)-[old:PART_OF]->(:Matter) DELETE old }
CALL (n, row) { MATCH (parent:Matter {id: row.parent}) MERGE (n)-[:PART_OF]->(parent) }

// name: linkPowerItems
// Replaces each power item's holder, sections, matters, legal bases, supervision duties and city mirror.
UNWIND $rows AS row
MATCH (n:PowerItem {code: row.key})
SET n.importHash = row.hash
REMOVE n.importPending
WITH n, row
CALL (n) { MATCH (:Department)-[old:HOLDS]->(n) DELETE old }
CALL (n) { MATCH (:Section)-[old:IMPLEMENTS]->(n) DELETE old }
// An induced matter's membership is the graph's, not the bundle's: it outlives a re-import.
CALL (n) { MATCH (n)-[old:CONCERNS|BASED_ON|CORRESPONDS_TO]->(x) WHERE NOT (x:Matter AND x.source = 'induced') DELETE old }
CALL (n) { MATCH (n)-[:HAS_DUTY]->(duty:SupervisionDuty) DETACH DELETE duty }
CALL (n, row) { MATCH (d:Department {id: row.department}) MERGE (d)-[:HOLDS]->(n) }
CALL (n, row) { UNWIND row.sections AS sectionId MATCH (s:Section {id: sectionId}) MERGE (s)-[:IMPLEMENTS]->(n) }
CALL (n, row) { UNWIND row.matters AS matterId MATCH (m:Matter {id: matterId}) MERGE (n)-[:CONCERNS]->(m) }
CALL (n, row) { MATCH (city:PowerItem {code: row.correspondsTo}) MERGE (n)-[:CORRESPONDS_TO]->(city) }
CALL (n, row) {
  UNWIND row.legalBasis AS basis
  MERGE (b:LegalBasis {id: basis.id})
  SET b.title = basis.title, b.status = basis.status
  MERGE (n)-[r:BASED_ON]->(b)
  SET r.article = basis.article
}
CALL (n, row) {
  UNWIND range(1, size(row.supervision)) AS seq
  CREATE (n)-[:HAS_DUTY]->(:SupervisionDuty {id: row.key + '/' + seq, seq: seq, text: row.supervision[seq - 1]})
}

// name: linkServiceItems
// Replaces the power item each service item realises.
UNWIND $rows AS row
MATCH (n:ServiceItem {code: row.key})
SET n.importHash = row.hash
WITH n, row
CALL (n) { MATCH (n)-[old:REALIZES]->(:PowerItem) DELETE old }
CALL (n, row) { MATCH (p:PowerItem {code: row.powerItem}) MERGE (n)-[:REALIZES]->(p) }

// name: linkTasks
// Replaces each task's section and matters.
UNWIND $rows AS row
MATCH (n:Task {id: row.key})
SET n.importHash = row.hash
WITH n, row
CALL (n) { MATCH (:Section)-[old:PERFORMS]->(n) DELETE old }
CALL (n) { MATCH (n)-[old:CONCERNS]->(m:Matter) WHERE m.source IS NULL DELETE old }
CALL (n, row) { MATCH (s:Section {id: row.section}) MERGE (s)-[:PERFORMS]->(n) }
CALL (n, row) { UNWIND row.matters AS matterId MATCH (m:Matter {id: matterId}) MERGE (n)-[:CONCERNS]->(m) }

// name: linkBoundaryItems
// Replaces each boundary item's region, lead, cooperating parties and matters.
UNWIND $rows AS row
MATCH (n:BoundaryItem {id: row.key})
SET n.importHash = row.hash
WITH n, row
CALL (n) { MATCH (n)-[old:IN|LEAD|COOPERATES|CONCERNS]->() DELETE old }
CALL (n, row) { MATCH (region:Region {code: row.region}) MERGE (n)-[:IN]->(region) }
CALL (n, row) {
  MATCH (lead:Department {id: row.lead}) WHERE row.props.scope = 'department'
  MERGE (n)-[:LEAD]->(lead)
}
CALL (n, row) {
  MATCH (lead:Section {id: row.lead}) WHERE row.props.scope = 'section'
  MERGE (n)-[:LEAD]->(lead)
}
CALL (n, row) {
  UNWIND row.cooperating AS partyId
  MATCH (party:Department {id: partyId}) WHERE row.props.scope = 'department'
  MERGE (n)-[:COOPERATES]->(party)
}
CALL (n, row) {
  UNWIND row.cooperating AS partyId
  MATCH (party:Section {id: partyId}) WHERE row.props.scope = 'section'
  MERGE (n)-[:COOPERATES]->(party)
}
CALL (n, row) { UNWIND row.matters AS matterId MATCH (m:Matter {id: matterId}) MERGE (n)-[:CONCERNS]->(m) }

// name: linkComplaints
// Replaces each complaint's district, matter and routing chain.
UNWIND $rows AS row
MATCH (n:Complaint {id: row.key})
SET n.importHash = row.hash
WITH n, row
CALL (n) { MATCH (n)-[old:IN|CONCERNS|ROUTED]->() DELETE old }
CALL (n, row) { MATCH (district:Region {code: row.district}) MERGE (n)-[:IN]->(district) }
CALL (n, row) { MATCH (m:Matter {id: row.matter}) MERGE (n)-[:CONCERNS]->(m) }
CALL (n, row) {
  UNWIND range(1, size(row.routes)) AS seq
  WITH n, seq, row.routes[seq - 1] AS route
  MATCH (d:Department {id: route.department})
  CREATE (n)-[:ROUTED {seq: seq, at: route.at, outcome: route.outcome, reason: route.reason}]->(d)
}

// name: upsertVolumes
// Creates or replaces yearly volumes: (item)-[:VOLUME {year}]->(section).
UNWIND $rows AS row
MATCH (p:PowerItem {code: row.powerItem}), (s:Section {id: row.section})
MERGE (p)-[v:VOLUME {year: row.props.year}]->(s)
SET v = row.props, v.importHash = row.hash

// name: directoryNames
// Names of departments (with aliases), sections, regions and matters, to resolve spreadsheet cells.
CALL () { MATCH (d:Department) RETURN collect({id: d.id, name: d.name, aliases: d.aliases}) AS departments }
CALL () { MATCH (d:Department)-[:HAS_SECTION]->(s:Section) RETURN collect({id: s.id, department: d.id, name: s.name}) AS sections }
CALL () { MATCH (r:Region) RETURN collect({code: r.code, name: r.name}) AS regions }
CALL () { MATCH (m:Matter) RETURN collect({id: m.id, name: m.name}) AS matters }
RETURN departments, sections, regions, matters

// name: emptyLabels
// Which kinds of record the graph holds none of: their records are all new, no lookup needed.
RETURN NOT EXISTS { MATCH (:Region) } AS regions, NOT EXISTS { MATCH (:Department) } AS departments,
  NOT EXISTS { MATCH (:Section) } AS sections, NOT EXISTS { MATCH (:Matter) } AS matters,
  NOT EXISTS { MATCH (:PowerItem) } AS powerItems, NOT EXISTS { MATCH (:ServiceItem) } AS serviceItems,
  NOT EXISTS { MATCH (:Task) } AS tasks, NOT EXISTS { MATCH (:BoundaryItem) } AS boundaryItems,
  NOT EXISTS { MATCH (:Complaint) } AS complaints, NOT EXISTS { MATCH ()-[:VOLUME]->() } AS volumes
