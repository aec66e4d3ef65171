// Routing tallies (src/catalog/tallies.ts): what the complaints add up to, kept as the complaints
// come in, so the dispatch and analysis snapshots read a few thousand tallies instead of every
// complaint and its routes. Each writer of complaints, their matters or their routes calls
// tallyComplaint* with $sign -1 for the complaints it is about to change and +1 once they are
// changed, in the same transaction. $matters (a list, or null for all) keeps only the rows of
// those matters (for recounting some matters).
//
//   MatterTally   per district and matter: complaints, bounced, refused by all, a few ids of each
//   RouteTally    per district, matter and department: accepted, resolved, refused, returned
//   RefusalTally  per matter, refusing department and the department sent to next
//   CoHandledTally per pair of departments (a < b) that one complaint reached

// name: tallyComplaintMatters
UNWIND $ids AS id
MATCH (c:Complaint {id: id})-[:CONCERNS]->(m:Matter)
WHERE $matters IS NULL OR m.id IN $matters
MATCH (c)-[:IN]->(district:Region)
WITH c, m, district,
     COUNT { (c)-[:ROUTED]->() } AS routes,
     COUNT { (c)-[r:ROUTED]->() WHERE r.outcome IN ['refused', 'returned'] } AS refusals,
     COUNT { (c)-[r:ROUTED]->() WHERE r.outcome IN ['accepted', 'resolved'] } AS takes
WITH district.code AS region, m.id AS matter, c.id AS id, routes > 1 OR refusals > 0 AS bounced, routes > 0 AND takes = 0 AS refusedByAll
WITH region, matter, count(*) AS complaints, count(CASE WHEN bounced THEN 1 END) AS bounced,
     count(CASE WHEN refusedByAll THEN 1 END) AS refusedByAll,
     collect(CASE WHEN bounced THEN id END) AS bouncedIds, collect(CASE WHEN refusedByAll THEN id END) AS refusedIds
MERGE (t:MatterTally {key: region + '|' + matter})
ON CREATE SET t.region = region, t.matter = matter, t.complaints = 0, t.bounced = 0, t.refusedByAll = 0, t.bouncedSample = [], t.refusedSample = []
SET t.complaints = t.complaints + toInteger($sign) * complaints,
    t.bounced = t.bounced + toInteger($sign) * bounced,
    t.refusedByAll = t.refusedByAll + toInteger($sign) * refusedByAll,
    t.bouncedSample = CASE WHEN $sign > 0 THEN (t.bouncedSample + bouncedIds)[0..5] ELSE [x IN t.bouncedSample WHERE NOT x IN bouncedIds] END,
    t.refusedSample = CASE WHEN $sign > 0 THEN (t.refusedSample + refusedIds)[0..5] ELSE [x IN t.refusedSample WHERE NOT x IN refusedIds] END
WITH t WHERE t.complaints <= 0
DELETE t

// name: tallyComplaintRoutes
UNWIND $ids AS id
MATCH (c:Complaint {id: id})-[:CONCERNS]->(m:Matter)
WHERE $matters IS NULL OR m.id IN $matters
OPTIONAL MATCH (c)-[:IN]->(district:Region)
MATCH (c)-[r:ROUTED]->(d:Department)
WITH coalesce(district.code, '') AS region, m.id AS matter, d.id AS department,
     count(CASE r.outcome WHEN 'accepted' THEN 1 END) AS accepted,
     count(CASE r.outcome WHEN 'resolved' THEN 1 END) AS resolved,
     count(CASE r.outcome WHEN 'refused' THEN 1 END) AS refused,
     count(CASE r.outcome WHEN 'returned' THEN 1 END) AS returned
MERGE (t:RouteTally {key: region + '|' + matter + '|' + department})
ON CREATE SET t.region = region, t.matter = matter, t.department = department, t.accepted = 0, t.resolved = 0, t.refused = 0, t.returned = 0
SET t.accepted = t.accepted + toInteger($sign) * accepted, t.resolved = t.resolved + toInteger($sign) * resolved,
    t.refused = t.refused + toInteger($sign) * refused, t.returned = t.returned + toInteger($sign) * returned
WITH t WHERE t.accepted + t.resolved + t.refused + t.returned <= 0
DELETE t

// name: tallyComplaintRefusals
UNWIND $ids AS id
MATCH (c:Complaint {id: id})-[:CONCERNS]->(m:Matter)
WHERE $matters IS NULL OR m.id IN $matters
MATCH (c)-[r1:ROUTED]->(refuser:Department)
WHERE r1.outcome IN ['refused', 'returned']
MATCH (c)-[r2:ROUTED]->(next:Department)
WHERE r2.seq = r1.seq + 1
WITH m.id AS matter, refuser.id AS refuser, next.id AS next, count(*) AS complaints
MERGE (t:RefusalTally {key: matter + '|' + refuser + '|' + next})
ON CREATE SET t.matter = matter, t.refuser = refuser, t.next = next, t.complaints = 0
SET t.complaints = t.complaints + toInteger($sign) * complaints
WITH t WHERE t.complaints <= 0
DELETE t

// name: tallyComplaintCoHandling
// Not per matter: $matters does not apply (recounting matters leaves these as they are).
UNWIND $ids AS id
MATCH (c:Complaint {id: id})-[:ROUTED]->(a:Department)
MATCH (c)-[:ROUTED]->(b:Department)
WHERE a.id < b.id
WITH a.id AS a, b.id AS b, count(DISTINCT c) AS complaints
MERGE (t:CoHandledTally {key: a + '|' + b})
ON CREATE SET t.a = a, t.b = b, t.complaints = 0
SET t.complaints = t.complaints + toInteger($sign) * complaints
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
