// Reads behind the dispatch index (src/dispatch/load-snapshot.ts) and the routing feedback it
// learns from. The snapshot queries run in one read transaction, so the index reflects one
// consistent state of the lists, labelled with the revision read in that same transaction.

// name: dispatchRegions
MATCH (r:Region)
OPTIONAL MATCH (parent:Region)-[:CONTAINS]->(r)
RETURN r.code AS code, r.name AS name, parent.code AS parent

// name: dispatchDepartments
MATCH (d:Department)-[:IN]->(r:Region)
RETURN d.id AS id, d.name AS name, r.code AS region, coalesce(d.aliases, []) AS aliases, coalesce(d.coordinator, false) AS coordinator

// name: dispatchMatters
// Imported matters and the induced ones analysts confirmed (an undecided induced matter is a
// hypothesis of the analysis, not a route; the text road covers untagged lists).
MATCH (m:Matter)
WHERE m.source IS NULL OR m.confirmed
OPTIONAL MATCH (m)-[:PART_OF]->(parent:Matter)
RETURN m.id AS id, m.name AS name, coalesce(m.keywords, m.words, []) AS keywords, parent.id AS parent

// name: dispatchPowerItems
MATCH (d:Department)-[:HOLDS]->(p:PowerItem)
OPTIONAL MATCH (p)-[:CORRESPONDS_TO]->(mirrored:PowerItem)
RETURN p.code AS code, p.name AS name, p.type AS type, d.id AS department,
       [(p)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL OR m.confirmed | m.id] AS matters, mirrored.code AS correspondsTo,
       [(p)-[:BASED_ON]->(b:LegalBasis) | b.title] AS bases

// name: dispatchTasks
// Every task, with the matters it names (if any); a task's department is its section's.
MATCH (d:Department)-[:HAS_SECTION]->(:Section)-[:PERFORMS]->(t:Task)
WITH DISTINCT d, t
RETURN t.id AS id, t.name AS name, d.id AS department, [(t)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL OR m.confirmed | m.id] AS matters

// name: dispatchBoundaryItems
// Every boundary item with its parties as departments (a section party stands for its department).
MATCH (b:BoundaryItem)
OPTIONAL MATCH (b)-[:IN]->(r:Region)
WITH b, r,
     [(b)-[:LEAD]->(x) | coalesce([(d:Department)-[:HAS_SECTION]->(x) | d.id][0], x.id)] AS leads,
     [(b)-[:COOPERATES]->(x) | coalesce([(d:Department)-[:HAS_SECTION]->(x) | d.id][0], x.id)] AS cooperating
WHERE size(leads) > 0
RETURN b.id AS id, b.title AS title, b.text AS text, b.status AS status, b.scope AS scope, r.code AS region,
       leads[0] AS lead, cooperating, [(b)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL OR m.confirmed | m.id] AS matters

// name: dispatchRoutings
// Routing outcomes per matter of the complaint and department, from the routing tallies
// (cypher/tallies.cypher): imported matters and the induced ones analysts confirmed.
MATCH (t:RouteTally)
MATCH (m:Matter {id: t.matter})
WHERE m.source IS NULL OR m.confirmed
RETURN t.matter AS matter, t.department AS department,
       sum(t.accepted) AS accepted, sum(t.resolved) AS resolved, sum(t.refused) AS refused, sum(t.returned) AS returned

// name: dispatchRoutingsBefore
// The same counted from the complaints received before $before (an ISO date-time): an evaluation
// never learns from what it is tested on. Reads every complaint; servers never need it.
MATCH (c:Complaint)-[:CONCERNS]->(m:Matter)
WHERE datetime(c.receivedAt) < datetime($before) AND (m.source IS NULL OR m.confirmed)
MATCH (c)-[r:ROUTED]->(d:Department)
RETURN m.id AS matter, d.id AS department,
       count(CASE r.outcome WHEN 'accepted' THEN 1 END) AS accepted,
       count(CASE r.outcome WHEN 'resolved' THEN 1 END) AS resolved,
       count(CASE r.outcome WHEN 'refused' THEN 1 END) AS refused,
       count(CASE r.outcome WHEN 'returned' THEN 1 END) AS returned

// name: recordRouting
// Appends one routing outcome to a complaint's chain (after its last step). No row back when the
// complaint or the department is unknown.
MATCH (c:Complaint {id: $complaint})
MATCH (d:Department {id: $department})
WITH c, d, reduce(last = 0, seq IN [(c)-[old:ROUTED]->() | old.seq] | CASE WHEN seq > last THEN seq ELSE last END) AS last
CREATE (c)-[r:ROUTED {seq: last + 1, at: $at, outcome: $outcome, reason: $reason, recordedBy: $by, source: 'feedback'}]->(d)
RETURN c.id AS complaint, d.id AS department, d.name AS departmentName, r.seq AS seq, r.at AS at, r.outcome AS outcome, r.reason AS reason

// name: complaintAndDepartmentExist
OPTIONAL MATCH (c:Complaint {id: $complaint})
OPTIONAL MATCH (d:Department {id: $department})
RETURN c IS NOT NULL AS complaint, d IS NOT NULL AS department

// name: dispatchTickets
// The latest $limit past complaints with their text, newest first, for the text model: the
// department that took each in the end (the last accepted or resolved route) and those that
// refused or returned it. $before as in dispatchRoutings.
MATCH (c:Complaint)
WHERE c.text IS NOT NULL AND ($before IS NULL OR datetime(c.receivedAt) < datetime($before))
WITH c ORDER BY c.receivedAt DESC, c.id DESC LIMIT toInteger($limit)
CALL (c) {
  MATCH (c)-[r:ROUTED]->(d:Department)
  WITH r, d ORDER BY r.seq
  RETURN collect({department: d.id, outcome: r.outcome}) AS routes
}
WITH c, routes WHERE size(routes) > 0
RETURN c.id AS id, c.text AS text,
       [route IN routes WHERE route.outcome IN ['accepted', 'resolved'] | route.department][-1] AS takenBy,
       [route IN routes WHERE route.outcome IN ['refused', 'returned'] | route.department] AS refusedBy
