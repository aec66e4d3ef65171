// Complaints and the share that bounced (reached more than one department, or were refused or
// returned), by matter, most bounced first.
MATCH (c:Complaint)-[:CONCERNS]->(m:Matter)
WITH m, c, COUNT { (c)-[:ROUTED]->() } AS routes,
     COUNT { (c)-[r:ROUTED]->() WHERE r.outcome IN ['refused', 'returned'] } AS refusals
WITH m, count(c) AS complaints, count(CASE WHEN routes > 1 OR refusals > 0 THEN 1 END) AS bounced
RETURN m.name AS matter, complaints, bounced, round(toFloat(bounced) / complaints, 3) AS rate
ORDER BY rate DESC, complaints DESC
