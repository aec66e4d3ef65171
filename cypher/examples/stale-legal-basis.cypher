// Power items whose every legal basis is repealed ("dynamic management" review), with the laws.
MATCH (d:Department)-[:HOLDS]->(p:PowerItem)-[:BASED_ON]->(basis:LegalBasis)
WITH d, p, collect(basis) AS bases
WHERE all(basis IN bases WHERE basis.status = 'repealed')
RETURN d.name AS department, p.code AS item, p.name AS name, [basis IN bases | basis.title] AS repealedBases
ORDER BY department, item
