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

// name: graphRevision
// The revision of what dispatch depends on: bumped by imports that change anything, boundary
// items published or retired, and routing feedback. 0 on a graph that never changed.
OPTIONAL MATCH (rev:Revision {key: 'graph'})
RETURN coalesce(rev.value, 0) AS revision

// name: bumpGraphRevision
MERGE (rev:Revision {key: 'graph'})
SET rev.value = coalesce(rev.value, 0) + 1, rev.changedAt = datetime()
RETURN rev.value AS revision
