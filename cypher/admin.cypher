// Health and housekeeping queries.

// name: ping
// Answers when the database can run a query (health check).
RETURN 1 AS ok

// name: graphIsEmpty
// True when the database holds no node at all (then `serve --demo` loads the demo bundle).
RETURN NOT EXISTS { MATCH (n) } AS empty

// name: graphCounts
// Node and relationship counts by label and type: a fingerprint of the graph for checks.
CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes ORDER BY label }
WITH collect({label: label, count: nodes}) AS nodes
CALL () { MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS relationships ORDER BY type }
RETURN nodes, collect({type: type, count: relationships}) AS relationships

// name: deleteAllData
// Deletes every node and relationship, in batches. For test set-up; schema stays.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
