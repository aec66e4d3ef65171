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

// name: deleteAllRelationships
// Every relationship, 10,000 a transaction: first, so that no node's deletion (a department with
// 100,000 routes) has to take its relationships with it in one transaction.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS

// name: deleteAllNodes
// Every node, 10,000 a transaction (after deleteAllRelationships); the schema stays.
MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS

// name: graphRevision
// The revision of the graph: bumped by every change anything computed depends on (imports,
// boundary items, edits, induced matters, staffing moves, routing feedback). 0 on a graph that
// never changed.
OPTIONAL MATCH (rev:Revision {key: 'graph'})
RETURN coalesce(rev.value, 0) AS revision

// name: graphRevisions
// The revision, and the revision at the latest change of each kind dispatch tells apart
// (src/db/revision.ts): the lists, their boundary items alone, the complaints and their routes.
OPTIONAL MATCH (rev:Revision {key: 'graph'})
RETURN coalesce(rev.value, 0) AS revision, coalesce(rev.lists, 0) AS lists,
       coalesce(rev.boundaries, 0) AS boundaries, coalesce(rev.complaints, 0) AS complaints

// name: bumpGraphRevision
// $changed: the kinds of change (lists, boundaries, complaints) this revision records; none for
// a change only the figures depend on (a staffing move).
MERGE (rev:Revision {key: 'graph'})
WITH rev, coalesce(rev.value, 0) + 1 AS next
SET rev.value = next, rev.changedAt = datetime(),
    rev.lists = CASE WHEN 'lists' IN $changed THEN next ELSE rev.lists END,
    rev.boundaries = CASE WHEN 'boundaries' IN $changed THEN next ELSE rev.boundaries END,
    rev.complaints = CASE WHEN 'complaints' IN $changed THEN next ELSE rev.complaints END
RETURN rev.value AS revision
