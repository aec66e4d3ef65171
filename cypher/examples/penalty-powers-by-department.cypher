// Power items by department and type: who holds the penalty and inspection powers.
MATCH (d:Department)-[:HOLDS]->(p:PowerItem)
RETURN d.name AS department, p.type AS type, count(*) AS items
ORDER BY department, items DESC
