// Who refuses whom: the department that refused or returned a complaint, and the one it went
// to next, with the matter. Pass {matter: 'm-construction-noise'} to look at one matter.
MATCH (c:Complaint)-[:CONCERNS]->(m:Matter)
WHERE $matter IS NULL OR m.id = $matter
MATCH (c)-[r1:ROUTED]->(refuser:Department), (c)-[r2:ROUTED]->(next:Department)
WHERE r1.outcome IN ['refused', 'returned'] AND r2.seq = r1.seq + 1
RETURN m.name AS matter, refuser.name AS refused, next.name AS sentTo, count(*) AS complaints
ORDER BY complaints DESC
LIMIT 50
