// Figures for dashboards (src/catalog/dashboard.ts), each one aggregated in the database.
// $region (a code, or null) narrows to departments of that region, or complaints from it.

// name: dashboardTotals
// How many of each kind of list record, and the hotline's satisfaction and resolution shares.
CALL () {
  MATCH (d:Department)-[:IN]->(r:Region) WHERE $region IS NULL OR r.code = $region
  RETURN count(d) AS departments,
         sum(COUNT { (d)-[:HAS_SECTION]->() }) AS sections,
         sum(COUNT { (d)-[:HAS_SECTION]->()-[:PERFORMS]->() }) AS tasks,
         sum(COUNT { (d)-[:HOLDS]->() }) AS powerItems
}
CALL () {
  MATCH (b:BoundaryItem) WHERE coalesce(b.status, 'published') = 'published' AND ($region IS NULL OR EXISTS { (b)-[:IN]->(:Region {code: $region}) })
  RETURN count(b) AS boundaryItems
}
CALL () {
  MATCH (c:Complaint) WHERE $region IS NULL OR EXISTS { (c)-[:IN]->(:Region {code: $region}) }
  RETURN count(c) AS complaints, count(CASE WHEN c.satisfied THEN 1 END) AS satisfied,
         count(CASE WHEN EXISTS { (c)-[r:ROUTED]->() WHERE r.outcome = 'resolved' } THEN 1 END) AS resolved
}
RETURN departments, sections, tasks, powerItems, boundaryItems, complaints, satisfied, resolved

// name: dashboardItemsByDepartmentAndType
// Power items by department and type.
MATCH (d:Department)-[:IN]->(r:Region) WHERE $region IS NULL OR r.code = $region
MATCH (d)-[:HOLDS]->(p:PowerItem)
RETURN d.id AS department, d.name AS name, p.type AS type, count(*) AS items
ORDER BY department, type

// name: dashboardComplaintsByMonthAndMatter
// Complaints by month received (yyyy-MM, as the hotline wrote the date) and matter: volume and bounced.
MATCH (c:Complaint)-[:CONCERNS]->(m:Matter)
WHERE $region IS NULL OR EXISTS { (c)-[:IN]->(:Region {code: $region}) }
WITH substring(c.receivedAt, 0, 7) AS month, m, c,
     COUNT { (c)-[:ROUTED]->() } > 1 OR EXISTS { (c)-[r:ROUTED]->() WHERE r.outcome IN ['refused', 'returned'] } AS bounced
RETURN month, m.id AS matter, m.name AS name, count(c) AS complaints, count(CASE WHEN bounced THEN 1 END) AS bounced
ORDER BY month, matter

// name: pagePowerItems
// One page of power items, in code order after $after, filtered.
MATCH (d:Department)-[:HOLDS]->(p:PowerItem), (d)-[:IN]->(r:Region)
WHERE ($after IS NULL OR p.code > $after)
  AND ($region IS NULL OR r.code = $region) AND ($department IS NULL OR d.id = $department)
  AND ($type IS NULL OR p.type = $type) AND ($text IS NULL OR p.name CONTAINS $text)
  AND ($matter IS NULL OR EXISTS { (p)-[:CONCERNS]->(:Matter {id: $matter}) })
RETURN p.code AS code, p.name AS name, p.type AS type, p.level AS level, p.description AS description, d.id AS department,
  COLLECT { MATCH (s:Section)-[:IMPLEMENTS]->(p) RETURN s.id ORDER BY s.id } AS sectionIds,
  COLLECT { MATCH (p)-[:CONCERNS]->(m:Matter) RETURN m.id ORDER BY m.id } AS matterIds
ORDER BY p.code
LIMIT toInteger($limit)

// name: pageComplaints
// One page of complaints, in id order after $after, filtered by district, a department it
// reached, whether it bounced, the date received (ISO strings compared as written) and text.
// (With a matter, pageComplaintsOfMatter starts from the matter instead.)
MATCH (c:Complaint)
WHERE ($after IS NULL OR c.id > $after)
  AND ($region IS NULL OR EXISTS { (c)-[:IN]->(:Region {code: $region}) })
  AND ($department IS NULL OR EXISTS { (c)-[:ROUTED]->(:Department {id: $department}) })
  AND ($from IS NULL OR c.receivedAt >= $from) AND ($to IS NULL OR c.receivedAt < $to)
  AND ($text IS NULL OR c.text CONTAINS $text)
WITH c, COUNT { (c)-[:ROUTED]->() } > 1 OR EXISTS { (c)-[r:ROUTED]->() WHERE r.outcome IN ['refused', 'returned'] } AS bounced
WHERE $bounced IS NULL OR bounced = $bounced
RETURN c.id AS id, c.text AS text, c.receivedAt AS receivedAt, coalesce(c.satisfied, false) AS satisfied, bounced,
  [(c)-[:IN]->(r:Region) | r.code][0] AS district, [(c)-[:CONCERNS]->(m:Matter) | m.id][0] AS matter,
  [(c)-[r:ROUTED]->(d:Department) | {seq: r.seq, department: d.id, departmentName: d.name, at: r.at, outcome: r.outcome, reason: r.reason}] AS routes
ORDER BY c.id
LIMIT toInteger($limit)

// name: pageComplaintsOfMatter
// pageComplaints for one matter, starting from the matter (a few thousand complaints, not all).
MATCH (:Matter {id: $matter})<-[:CONCERNS]-(c:Complaint)
WHERE ($after IS NULL OR c.id > $after)
  AND ($region IS NULL OR EXISTS { (c)-[:IN]->(:Region {code: $region}) })
  AND ($department IS NULL OR EXISTS { (c)-[:ROUTED]->(:Department {id: $department}) })
  AND ($from IS NULL OR c.receivedAt >= $from) AND ($to IS NULL OR c.receivedAt < $to)
  AND ($text IS NULL OR c.text CONTAINS $text)
WITH c, COUNT { (c)-[:ROUTED]->() } > 1 OR EXISTS { (c)-[r:ROUTED]->() WHERE r.outcome IN ['refused', 'returned'] } AS bounced
WHERE $bounced IS NULL OR bounced = $bounced
RETURN c.id AS id, c.text AS text, c.receivedAt AS receivedAt, coalesce(c.satisfied, false) AS satisfied, bounced,
  [(c)-[:IN]->(r:Region) | r.code][0] AS district, $matter AS matter,
  [(c)-[r:ROUTED]->(d:Department) | {seq: r.seq, department: d.id, departmentName: d.name, at: r.at, outcome: r.outcome, reason: r.reason}] AS routes
ORDER BY c.id
LIMIT toInteger($limit)

// name: pageTasks
// One page of tasks, in id order after $after, filtered by region, department, section, matter and text.
MATCH (d:Department)-[:HAS_SECTION]->(s:Section)-[:PERFORMS]->(t:Task), (d)-[:IN]->(r:Region)
WHERE ($after IS NULL OR t.id > $after)
  AND ($region IS NULL OR r.code = $region) AND ($department IS NULL OR d.id = $department)
  AND ($section IS NULL OR s.id = $section) AND ($text IS NULL OR t.name CONTAINS $text)
  AND ($matter IS NULL OR EXISTS { (t)-[:CONCERNS]->(:Matter {id: $matter}) })
RETURN t.id AS id, t.name AS name, coalesce(t.flowchart, false) AS flowchart, coalesce(t.norm, false) AS norm,
  s.id AS section, d.id AS department, COLLECT { MATCH (t)-[:CONCERNS]->(m:Matter) RETURN m.id ORDER BY m.id } AS matterIds
ORDER BY t.id
LIMIT toInteger($limit)

// name: pageServiceItems
// One page of service items, in code order after $after, filtered by level, the department of
// the power item realised, and text.
MATCH (si:ServiceItem)
WHERE ($after IS NULL OR si.code > $after) AND ($level IS NULL OR si.level = $level) AND ($text IS NULL OR si.name CONTAINS $text)
  AND ($department IS NULL OR EXISTS { (si)-[:REALIZES]->(:PowerItem)<-[:HOLDS]-(:Department {id: $department}) })
RETURN si.code AS code, si.name AS name, si.level AS level, COLLECT { MATCH (si)-[:REALIZES]->(p:PowerItem) RETURN p.code } AS powerItemCodes
ORDER BY si.code
LIMIT toInteger($limit)

// name: listBoundaryItems
// Boundary items, optionally of one region, matter or status, with their parties.
MATCH (b:BoundaryItem)
WHERE ($status IS NULL OR coalesce(b.status, 'published') = $status)
  AND ($region IS NULL OR EXISTS { (b)-[:IN]->(:Region {code: $region}) })
  AND ($matter IS NULL OR EXISTS { (b)-[:CONCERNS]->(:Matter {id: $matter}) })
RETURN b.id AS id, b.title AS title, b.text AS text, b.scope AS scope, coalesce(b.status, 'published') AS status,
  [(b)-[:IN]->(r:Region) | r.code][0] AS region,
  [(b)-[:LEAD]->(x) | {id: x.id, name: x.name}][0] AS lead,
  [(b)-[:COOPERATES]->(x) | {id: x.id, name: x.name}] AS cooperating,
  [(b)-[:CONCERNS]->(m:Matter) | m.id] AS matterIds
ORDER BY b.id
