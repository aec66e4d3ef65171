// Matters two or more departments of one region hold power items on, with no published
// department-scope boundary item in that region: the raw form of the `overlap` finding.
MATCH (d:Department)-[:HOLDS]->(:PowerItem)-[:CONCERNS]->(m:Matter), (d)-[:IN]->(r:Region)
WITH r, m, collect(DISTINCT d.name) AS departments
WHERE size(departments) >= 2
  AND NOT EXISTS { MATCH (b:BoundaryItem {scope: 'department', status: 'published'})-[:CONCERNS]->(m), (b)-[:IN]->(r) }
RETURN r.name AS region, m.name AS matter, departments
ORDER BY size(departments) DESC, region, matter
