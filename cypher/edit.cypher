// Edits analysts and dispatchers make outside imports. Their callers bump the graph revision
// (bumpGraphRevision) in the same transaction, so dispatch rebuilds from the new state.

// name: boundaryItemStatus
OPTIONAL MATCH (b:BoundaryItem {id: $id})
RETURN b.status AS status, b.title AS title

// name: setBoundaryItemStatus
// Moves a boundary item to $status, recording who and when.
MATCH (b:BoundaryItem {id: $id})
SET b.status = $status, b.statusChangedAt = $at, b.statusChangedBy = $by
RETURN b.id AS id, b.title AS title, b.status AS status

// name: boundaryItemExists
OPTIONAL MATCH (b:BoundaryItem {id: $id})
RETURN b IS NOT NULL AS exists

// name: createProposedBoundaryItem
// A proposal an analyst publishes: a department-scope boundary item, published at once.
MATCH (region:Region {code: $region})
MATCH (lead:Department {id: $lead})
CREATE (b:BoundaryItem {id: $id, title: $title, text: $text, scope: 'department', status: 'published', batch: 'proposal',
                        statusChangedAt: $at, statusChangedBy: $by, proposal: $proposal})
CREATE (b)-[:IN]->(region)
CREATE (b)-[:LEAD]->(lead)
WITH b
CALL (b) { UNWIND $cooperating AS partyId MATCH (party:Department {id: partyId}) CREATE (b)-[:COOPERATES]->(party) }
// Publishing a lead for an induced matter is an analyst's word that the matter is real: confirmed.
CALL (b) {
  MATCH (m:Matter {id: $matter})
  CREATE (b)-[:CONCERNS]->(m)
  FOREACH (_ IN CASE WHEN m.source = 'induced' THEN [1] ELSE [] END | SET m.confirmed = true, m.decidedAt = datetime())
}
RETURN b.id AS id, b.title AS title, b.status AS status

// name: recordAudit
// One mutation made through the API: who, when, what (arguments as JSON) and how it ended;
// `unrecorded`: refusals of the same actor left out before this one (audit-limiter.ts).
CREATE (a:AuditEntry {id: randomUUID(), at: $at, actor: $actor, role: $role, mutation: $mutation, arguments: $arguments, outcome: $outcome,
  unrecorded: $unrecorded})
RETURN a.id AS id

// name: deleteListRecord
// Deletes one record (node and its relationships) of a deletable kind, with the nodes it owns: a
// power item's supervision duties (legal bases are shared and stay).
OPTIONAL MATCH (p:PowerItem {code: $key}) WHERE $label = 'PowerItem'
OPTIONAL MATCH (s:ServiceItem {code: $key}) WHERE $label = 'ServiceItem'
OPTIONAL MATCH (t:Task {id: $key}) WHERE $label = 'Task'
OPTIONAL MATCH (b:BoundaryItem {id: $key}) WHERE $label = 'BoundaryItem'
OPTIONAL MATCH (c:Complaint {id: $key}) WHERE $label = 'Complaint'
WITH [n IN [p, s, t, b, c] WHERE n IS NOT NULL] AS found
CALL (found) { UNWIND found AS n MATCH (n)-[:HAS_DUTY]->(duty:SupervisionDuty) DETACH DELETE duty }
FOREACH (n IN found | DETACH DELETE n)
RETURN size(found) AS deleted
