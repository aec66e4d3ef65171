// Edits analysts and dispatchers make outside imports. Each bumps the graph revision in the same
// transaction, so dispatch rebuilds its index from the new state (src/db/revision.ts).

// name: boundaryItemStatus
OPTIONAL MATCH (b:BoundaryItem {id: $id})
RETURN b.status AS status, b.title AS title

// name: setBoundaryItemStatus
// Moves a boundary item to $status, recording who and when.
MATCH (b:BoundaryItem {id: $id})
SET b.status = $status, b.statusChangedAt = $at, b.statusChangedBy = $by
MERGE (rev:Revision {key: 'graph'})
SET rev.value = coalesce(rev.value, 0) + 1, rev.changedAt = datetime()
RETURN b.id AS id, b.title AS title, b.status AS status, rev.value AS revision
