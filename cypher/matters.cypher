// Induced matters (src/catalog/induced-matters.ts): subjects dutygraph finds in untagged lists,
// stored as Matter {source: 'induced'} with their member items. An imported matter has no source.
// Analysts' decisions live on the matter: `confirmed` (induction never changes it again, dispatch
// uses it like an imported matter), `mergedInto` (a merged-away id, kept so a rerun does not bring
// it back), a name they chose.

// name: inductionItems
// Power items no imported matter covers, with their department and region: what induction groups.
MATCH (r:Region)<-[:IN]-(d:Department)-[:HOLDS]->(p:PowerItem)
WHERE NOT EXISTS { (p)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL }
RETURN p.code AS id, p.name AS name, d.id AS department, r.code AS region

// name: inducedMatterDecisions
// Ids induction leaves alone: induced matters analysts decided on (confirmed, or merged into
// another), and a city's own matter that happens to have an induced-looking id.
MATCH (m:Matter)
WHERE m.id STARTS WITH 'induced:' AND (m.source IS NULL OR m.confirmed OR m.mergedInto IS NOT NULL)
RETURN m.id AS id

// name: writeInducedMatters
// Creates or refreshes undecided induced matters: words, evidence and members replaced; a name
// an analyst gave is kept.
UNWIND $matters AS row
MERGE (m:Matter {id: row.id})
ON CREATE SET m.source = 'induced', m.name = row.name, m.confirmed = false, m.inducedAt = datetime()
SET m.words = row.words, m.evidence = row.evidence, m.similarity = row.similarity
WITH m, row
CALL (m) { MATCH (m)<-[old:CONCERNS]-(:PowerItem) DELETE old }
CALL (m, row) { UNWIND row.members AS code MATCH (p:PowerItem {code: code}) MERGE (p)-[:CONCERNS]->(m) }
RETURN count(m) AS written

// name: deleteStaleInducedMatters
// Undecided induced matters this run did not find again.
MATCH (m:Matter {source: 'induced'})
WHERE NOT m.confirmed AND m.mergedInto IS NULL AND NOT m.id IN $keep
WITH m, m.id AS id
DETACH DELETE m
RETURN collect(id) AS deleted

// name: complaintMatcherMatters
// The words of every live induced matter, to tell which one an untagged complaint is about.
MATCH (m:Matter {source: 'induced'})
WHERE m.mergedInto IS NULL
RETURN m.id AS id, m.words AS words, COUNT { (m)<-[:CONCERNS]-(:PowerItem) } AS size

// name: untaggedComplaints
// A page of complaints no imported matter covers and not yet read against the induced matters
// as they are now ($fingerprint), in id order after $after.
MATCH (c:Complaint)
WHERE c.id > $after AND coalesce(c.inducedFingerprint, '') <> $fingerprint
  AND NOT EXISTS { (c)-[:CONCERNS]->(m:Matter) WHERE m.source IS NULL }
RETURN c.id AS id, c.text AS text
ORDER BY c.id
LIMIT toInteger($limit)

// name: linkComplaintsToInducedMatters
// Replaces each complaint's induced matter ($rows: {id, matter | null}) and marks it read
// against the induced matters of $fingerprint.
UNWIND $rows AS row
MATCH (c:Complaint {id: row.id})
SET c.inducedFingerprint = $fingerprint
WITH c, row
CALL (c) { MATCH (c)-[old:CONCERNS]->(:Matter {source: 'induced'}) DELETE old }
CALL (c, row) { MATCH (m:Matter {id: row.matter}) MERGE (c)-[:CONCERNS]->(m) }
RETURN count(c) AS linked

// name: inducedMatter
// One induced matter with its members, for an analyst's decision.
MATCH (m:Matter {id: $id})
RETURN m.id AS id, m.source AS source, m.name AS name, coalesce(m.words, []) AS words, coalesce(m.confirmed, false) AS confirmed,
  m.mergedInto AS mergedInto, COLLECT { MATCH (m)<-[:CONCERNS]-(p:PowerItem) RETURN p.code ORDER BY p.code } AS members

// name: renameMatter
MATCH (m:Matter {id: $id, source: 'induced'})
SET m.name = $name, m.decidedAt = datetime()
RETURN m.id AS id

// name: confirmMatter
MATCH (m:Matter {id: $id, source: 'induced'})
SET m.confirmed = true, m.decidedAt = datetime()
RETURN m.id AS id

// name: mergeMatters
// Moves the members, words and complaints of $from into $into; $from stays as a marker so a rerun
// does not bring it back. The result is confirmed: an analyst decided what belongs to it.
MATCH (into:Matter {id: $into, source: 'induced'})
UNWIND $from AS fromId
MATCH (from:Matter {id: fromId, source: 'induced'})
CALL (from, into) {
  MATCH (x)-[old:CONCERNS]->(from)
  MERGE (x)-[:CONCERNS]->(into)
  DELETE old
}
SET into.words = into.words + [w IN from.words WHERE NOT w IN into.words], into.confirmed = true, into.decidedAt = datetime(),
    from.mergedInto = $into, from.confirmed = false, from.decidedAt = datetime()
RETURN count(from) AS merged

// name: splitMatter
// Moves the items $items of matter $id into a new confirmed induced matter $newId named $name;
// the old one is confirmed with what is left.
MATCH (old:Matter {id: $id, source: 'induced'})
CREATE (new:Matter {id: $newId, source: 'induced', name: $name, words: $words, confirmed: true, inducedAt: datetime(), decidedAt: datetime()})
SET old.confirmed = true, old.decidedAt = datetime()
WITH old, new
UNWIND $items AS code
MATCH (p:PowerItem {code: code})-[r:CONCERNS]->(old)
CREATE (p)-[:CONCERNS]->(new)
DELETE r
RETURN count(p) AS moved
