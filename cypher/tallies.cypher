// Routing tallies (src/db/tallies.ts, defined in src/model/routing-tallies.ts): what the
// complaints add up to, kept as the complaints come in, so the dispatch and analysis snapshots
// read a few thousand tallies instead of every complaint and its routes. Each writer of
// complaints, their matters or their routes takes out what the complaints it is about to change
// counted and adds what they count once changed, in the same transaction.
//
//   MatterTally   per district and matter: complaints, bounced, refused by all, a few ids of each
//   RouteTally    per district, matter and department: accepted, resolved, refused, returned
//   RefusalTally  per matter, refusing department and the department sent to next
//   CoHandledTally per pair of departments (a < b) that one complaint reached

// name: complaintStates
// What the tallies count of each complaint $ids: its district, matters and routes.
UNWIND $ids AS id
MATCH (c:Complaint {id: id})
RETURN c.id AS id, [(c)-[:IN]->(d:Region) | d.code][0] AS district, [(c)-[:CONCERNS]->(m:Matter) | m.id] AS matters,
       [(c)-[r:ROUTED]->(d:Department) | {seq: r.seq, outcome: r.outcome, department: d.id}] AS routes

// name: addMatterTallies
// Adds deltas (src/model/routing-tallies.ts) to the district-and-matter tallies; a tally that
// comes to nothing is deleted. Sample ids come in with complaints coming in, and go with them.
UNWIND $rows AS row
MERGE (t:MatterTally {key: row.region + '|' + row.matter})
ON CREATE SET t.region = row.region, t.matter = row.matter, t.complaints = 0, t.bounced = 0, t.refusedByAll = 0, t.bouncedSample = [], t.refusedSample = []
SET t.complaints = t.complaints + row.complaints, t.bounced = t.bounced + row.bounced, t.refusedByAll = t.refusedByAll + row.refusedByAll,
    t.bouncedSample = CASE WHEN row.complaints > 0 THEN (t.bouncedSample + row.bouncedIds)[0..5] ELSE [x IN t.bouncedSample WHERE NOT x IN row.bouncedIds] END,
    t.refusedSample = CASE WHEN row.complaints > 0 THEN (t.refusedSample + row.refusedIds)[0..5] ELSE [x IN t.refusedSample WHERE NOT x IN row.refusedIds] END
WITH t WHERE t.complaints <= 0
DELETE t

// name: addRouteTallies
UNWIND $rows AS row
MERGE (t:RouteTally {key: row.region + '|' + row.matter + '|' + row.department})
ON CREATE SET t.region = row.region, t.matter = row.matter, t.department = row.department, t.accepted = 0, t.resolved = 0, t.refused = 0, t.returned = 0
SET t.accepted = t.accepted + row.accepted, t.resolved = t.resolved + row.resolved, t.refused = t.refused + row.refused, t.returned = t.returned + row.returned
WITH t WHERE t.accepted + t.resolved + t.refused + t.returned <= 0
DELETE t

// name: addRefusalTallies
UNWIND $rows AS row
MERGE (t:RefusalTally {key: row.matter + '|' + row.refuser + '|' + row.next})
ON CREATE SET t.matter = row.matter, t.refuser = row.refuser, t.next = row.next, t.complaints = 0
SET t.complaints = t.complaints + row.complaints
WITH t WHERE t.complaints <= 0
DELETE t

// name: addCoHandledTallies
UNWIND $rows AS row
MERGE (t:CoHandledTally {key: row.a + '|' + row.b})
ON CREATE SET t.a = row.a, t.b = row.b, t.complaints = 0
SET t.complaints = t.complaints + row.complaints
WITH t WHERE t.complaints <= 0
DELETE t

// name: complaintsOfMatters
// The complaints concerning any of $matters, for recounting those matters' tallies.
MATCH (m:Matter)<-[:CONCERNS]-(c:Complaint)
WHERE m.id IN $matters
RETURN collect(DISTINCT c.id) AS ids

// name: deleteTalliesOfMatters
MATCH (t:MatterTally|RouteTally|RefusalTally)
WHERE t.matter IN $matters
DELETE t

// name: complaintIdPage
// Complaint ids after $after in id order, $limit of them: the pages of a full recount.
MATCH (c:Complaint)
WHERE c.id > $after
WITH c.id AS id ORDER BY id LIMIT toInteger($limit)
RETURN collect(id) AS ids

// name: deleteAllTallies
MATCH (t:MatterTally|RouteTally|RefusalTally|CoHandledTally)
CALL (t) { DELETE t } IN TRANSACTIONS OF 10000 ROWS

// name: talliesState
// Whether the tallies were counted for this graph (a recount sets it; a graph imported before
// tallies existed has complaints and no mark).
OPTIONAL MATCH (rev:Revision {key: 'graph'})
RETURN coalesce(rev.tallied, false) AS tallied, EXISTS { MATCH (:Complaint) } AS hasComplaints

// name: markTallied
MERGE (rev:Revision {key: 'graph'})
SET rev.tallied = true
