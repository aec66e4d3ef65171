// The yearly evaluation of how departments' functions run (src/evaluation/, docs/evaluation.md).
// Hotline reads aggregate in the database: a province's complaints come back as one row per
// department and month.

// name: evaluationRoster
// Departments (not the hotline coordinators) with their sections, optionally of one region.
MATCH (d:Department)-[:IN]->(r:Region)
WHERE NOT coalesce(d.coordinator, false) AND ($region IS NULL OR r.code = $region)
RETURN d.id AS id, d.name AS name, r.code AS region,
  COLLECT { MATCH (d)-[:HAS_SECTION]->(s:Section) RETURN {id: s.id, name: s.name} ORDER BY s.id } AS sections
ORDER BY id

// name: evaluationHotline
// Per department and month (Beijing time) of complaints received in [$from, $to): the routes it
// got, refused and returned; complaints it received first and took (connection); complaints it
// closed (the last route, accepted or resolved), on time and rated; complaints that reached it
// and bounced. String bounds a day wider than the window use the receivedAt index first. Each
// complaint's facts per department are computed on its own row (no grouping by complaint), so
// only the department-month groups are held in memory.
MATCH (c:Complaint)
WHERE c.receivedAt >= $looseFrom AND c.receivedAt < $looseTo
WITH c, datetime(c.receivedAt) AS received
WHERE received >= datetime($from) AND received < datetime($to)
CALL (c) {
  MATCH (c)-[r:ROUTED]->(d:Department)
  WITH r, d ORDER BY r.seq
  RETURN collect({department: d.id, outcome: r.outcome}) AS chain
}
WITH c, datetime({datetime: received, timezone: 'Asia/Shanghai'}).month AS month, chain
WHERE size(chain) > 0
WITH c, month, chain, chain[0] AS first, chain[-1] AS last,
     size(chain) > 1 OR any(step IN chain WHERE step.outcome IN ['refused', 'returned']) AS bounced,
     c.dueAt IS NOT NULL AND c.closedAt IS NOT NULL AND chain[-1].outcome IN ['accepted', 'resolved'] AS timed
WITH c, month, chain, first, last, bounced, timed,
     timed AND datetime(c.closedAt) <= datetime(c.dueAt) AS onTime,
     CASE WHEN c.rating IS NOT NULL THEN c.rating >= 4 ELSE c.satisfied END AS satisfied,
     reduce(seen = [], step IN chain | CASE WHEN step.department IN seen THEN seen ELSE seen + step.department END) AS departments
UNWIND departments AS department
WITH c, month, bounced, department,
     size([step IN chain WHERE step.department = department]) AS routes,
     size([step IN chain WHERE step.department = department AND step.outcome = 'refused']) AS refused,
     size([step IN chain WHERE step.department = department AND step.outcome = 'returned']) AS returned,
     first.department = department AS receivedFirst,
     first.department = department AND first.outcome IN ['accepted', 'resolved'] AS connected,
     last.department = department AND last.outcome IN ['accepted', 'resolved'] AS closed,
     timed AND last.department = department AS timed, onTime AND last.department = department AS onTime,
     CASE WHEN last.department = department AND last.outcome IN ['accepted', 'resolved'] THEN satisfied END AS satisfied
RETURN department, month,
  count(*) AS reached, count(CASE WHEN bounced THEN 1 END) AS bounced,
  sum(routes) AS routes, sum(refused) AS refused, sum(returned) AS returned,
  count(CASE WHEN receivedFirst THEN 1 END) AS receivedFirst, count(CASE WHEN connected THEN 1 END) AS connected,
  count(CASE WHEN closed THEN 1 END) AS closed,
  count(CASE WHEN timed THEN 1 END) AS timed, count(CASE WHEN onTime THEN 1 END) AS onTime,
  count(satisfied) AS rated, count(CASE WHEN satisfied THEN 1 END) AS satisfied,
  collect(CASE WHEN bounced THEN c.id END)[0..20] AS bouncedIds,
  collect(CASE WHEN refused + returned > 0 THEN c.id END)[0..20] AS refusedIds,
  collect(CASE WHEN receivedFirst AND NOT connected THEN c.id END)[0..20] AS unconnectedIds,
  collect(CASE WHEN timed AND NOT onTime THEN c.id END)[0..20] AS lateIds,
  collect(CASE WHEN satisfied = false THEN c.id END)[0..20] AS dissatisfiedIds
ORDER BY department, month

// name: evaluationComplaintDays
// The year's complaints in [$from, $to) counted per matter, district and day (Beijing time):
// how many, how many bounced, how many the first department took. One pass over the year; the
// boundary items' before and after are summed from these in src/evaluation/hotline.ts.
MATCH (c:Complaint)
WHERE c.receivedAt >= $looseFrom AND c.receivedAt < $looseTo
WITH c, datetime(c.receivedAt) AS received
WHERE received >= datetime($from) AND received < datetime($to)
MATCH (c)-[:CONCERNS]->(m:Matter)
MATCH (c)-[:IN]->(district:Region)
WITH m.id AS matter, district.code AS district, toString(date(datetime({datetime: received, timezone: 'Asia/Shanghai'}))) AS day,
     COLLECT { MATCH (c)-[r:ROUTED]->() RETURN r.outcome ORDER BY r.seq } AS outcomes
WITH matter, district, day, count(*) AS complaints,
     count(CASE WHEN size(outcomes) > 1 OR any(o IN outcomes WHERE o IN ['refused', 'returned']) THEN 1 END) AS bounced,
     count(CASE WHEN size(outcomes) > 0 AND outcomes[0] IN ['accepted', 'resolved'] THEN 1 END) AS connected
RETURN matter, district, collect([day, complaints, bounced, connected]) AS days

// name: evaluationBoundaryItems
// Published department-scope boundary items with their lead, matters, when they took effect,
// and the regions they apply in (their region and those below it; null: every region).
MATCH (b:BoundaryItem {status: 'published', scope: 'department'})-[:LEAD]->(lead:Department)
OPTIONAL MATCH (b)-[:IN]->(home:Region)
RETURN b.id AS id, b.title AS title, lead.id AS lead, coalesce(b.publishedAt, b.statusChangedAt) AS since,
  COLLECT { MATCH (b)-[:CONCERNS]->(m:Matter) RETURN m.id } AS matters,
  CASE WHEN home IS NULL THEN null ELSE COLLECT { MATCH (home)-[:CONTAINS*0..]->(r:Region) RETURN r.code } END AS regions
ORDER BY id

// name: saveFindingTallies
// The latest analysis's findings per department (metric -> ids), replacing the previous run's,
// and the revision it read.
MERGE (record:AnalysisRecord {key: 'latest'})
SET record.revision = $revision, record.at = $at
WITH record
CALL (record) {
  MATCH (old:FindingTally) WHERE NOT old.department IN [row IN $rows | row.department]
  DETACH DELETE old
}
UNWIND $rows AS row
MERGE (t:FindingTally {department: row.department})
SET t.metrics = row.metrics

// name: findingTallies
// What the latest analysis found per department, and the graph revision it read.
OPTIONAL MATCH (record:AnalysisRecord {key: 'latest'})
RETURN record.revision AS revision, record.at AS at,
  COLLECT { MATCH (t:FindingTally) RETURN {department: t.department, metrics: t.metrics} } AS tallies

// name: evaluationStandards
// Every version of the year's standard, newest first.
MATCH (s:EvaluationStandard {year: toInteger($year)})
RETURN s.id AS id, s.year AS year, s.version AS version, s.name AS name, s.tree AS tree, s.status AS status,
  s.importedAt AS importedAt, s.importedBy AS importedBy, s.frozenAt AS frozenAt
ORDER BY s.version DESC

// name: createEvaluationStandard
// A new version of the year's standard (a draft until its round is published).
OPTIONAL MATCH (previous:EvaluationStandard {year: toInteger($year)})
WITH coalesce(max(previous.version), 0) + 1 AS version
CREATE (s:EvaluationStandard {id: toString(toInteger($year)) + '/v' + version, year: toInteger($year), version: version, name: $name, tree: $tree,
  status: 'draft', importedAt: $at, importedBy: $by})
RETURN s.id AS id, s.version AS version

// name: evaluationEntries
// Qualitative entries of the year.
MATCH (e:EvaluationEntry {year: toInteger($year)})
RETURN e.department AS department, e.indicator AS indicator, e.value AS value, e.body AS body, e.by AS by, e.at AS at, e.note AS note,
  coalesce(e.corrections, []) AS corrections

// name: saveEvaluationEntry
// Enters a body's value for one department and indicator; a correction keeps the value it
// replaces, with who entered it and when, in `corrections`.
MATCH (d:Department {id: $department})
MERGE (e:EvaluationEntry {id: toString(toInteger($year)) + '/' + $department + '/' + $indicator})
SET e.corrections = coalesce(e.corrections, []) +
      CASE WHEN e.value IS NULL THEN [] ELSE [toString(e.value) + ' ' + e.by + ' ' + e.at] END,
    e.year = toInteger($year), e.department = $department, e.indicator = $indicator, e.value = $value, e.body = $body,
    e.by = $by, e.at = $at, e.note = $note
RETURN e.id AS id

// name: evaluationRound
// The year's round: open, or published with the standard it froze and its archived scorecards.
MATCH (r:EvaluationRound {year: toInteger($year)})
RETURN r.year AS year, r.status AS status, r.standard AS standard, r.publishedAt AS publishedAt, r.publishedBy AS publishedBy,
  r.scorecards AS scorecards

// name: publishEvaluationRound
// Publishes the year's round: freezes its standard and archives the scorecards.
MATCH (s:EvaluationStandard {id: $standard})
SET s.status = 'frozen', s.frozenAt = $at
MERGE (r:EvaluationRound {year: toInteger($year)})
SET r.status = 'published', r.standard = $standard, r.publishedAt = $at, r.publishedBy = $by, r.scorecards = $scorecards
RETURN r.year AS year

// name: saveEvaluationDraw
// Records a draw with its inputs, so the office can show what it drew and when.
CREATE (d:EvaluationDraw {id: $id, year: toInteger($year), seed: $seed, rosterHash: $rosterHash, result: $result, at: $at, by: $by})
RETURN d.id AS id

// name: evaluationFormPrefill
// What the graph knows of a department for its three forms: its items by type with the year's
// volumes, its tasks, its sections with posts and the items they implement, and the published
// boundary items it leads or cooperates on.
MATCH (d:Department {id: $department})
RETURN d.id AS department, d.name AS name,
  COLLECT {
    MATCH (d)-[:HOLDS]->(p:PowerItem)
    OPTIONAL MATCH (p)-[v:VOLUME {year: toInteger($year)}]->()
    WITH p.type AS type, count(DISTINCT p) AS items, sum(v.received) AS received, sum(v.completed) AS completed
    RETURN {type: type, items: items, received: received, completed: completed} ORDER BY type
  } AS items,
  COUNT { (d)-[:HAS_SECTION]->(:Section)-[:PERFORMS]->(:Task) } AS tasks,
  COLLECT {
    MATCH (d)-[:HAS_SECTION]->(s:Section)
    RETURN {id: s.id, name: s.name, posts: s.posts, staffed: s.staffed,
            items: COUNT { (s)-[:IMPLEMENTS]->(:PowerItem) }, tasks: COUNT { (s)-[:PERFORMS]->(:Task) }} ORDER BY s.id
  } AS sections,
  COLLECT {
    MATCH (b:BoundaryItem {status: 'published', scope: 'department'})-[rel:LEAD|COOPERATES]->(d)
    RETURN {id: b.id, title: b.title, role: CASE type(rel) WHEN 'LEAD' THEN 'lead' ELSE 'cooperating' END,
            since: coalesce(b.publishedAt, b.statusChangedAt)} ORDER BY b.id
  } AS boundaryItems

// name: evaluationForms
// The year's forms, optionally of one department.
MATCH (f:EvaluationForm {year: toInteger($year)})
WHERE $department IS NULL OR f.department = $department
RETURN f {.*} AS form
ORDER BY f.department, f.kind

// name: evaluationForm
// One form by id.
MATCH (f:EvaluationForm {id: $id})
RETURN f {.*} AS form

// name: createEvaluationForms
// Opens the year's forms of the given departments; forms already open are left as they are.
UNWIND $forms AS row
MATCH (d:Department {id: row.department})
MERGE (f:EvaluationForm {id: row.id})
ON CREATE SET f.year = toInteger($year), f.department = row.department, f.kind = row.kind, f.status = 'draft',
  f.dueAt = $dueAt, f.prefill = row.prefill, f.content = null, f.reminders = 0, f.events = [row.event]
RETURN count(*) AS forms

// name: updateEvaluationForm
// Writes a form's new state and appends an event, if its status is still the one read.
MATCH (f:EvaluationForm {id: $id})
WHERE f.status = $expectedStatus
SET f += $changes, f.events = f.events + $event
RETURN f {.*} AS form

// name: ledgerProblems
// The rectification ledger of a year, optionally of one department.
MATCH (p:LedgerProblem {year: toInteger($year)})
WHERE $department IS NULL OR p.department = $department
RETURN p {.*} AS problem
ORDER BY p.department, p.id

// name: ledgerProblem
// One problem of the ledger.
MATCH (p:LedgerProblem {id: $id})
RETURN p {.*} AS problem

// name: addLedgerProblems
// Puts problems on the ledger; one already there (the same finding and department) is left as it is.
UNWIND $problems AS row
MATCH (d:Department {id: row.department})
MERGE (p:LedgerProblem {id: row.id})
ON CREATE SET p += row.fields, p.status = 'open', p.events = [row.event]
RETURN p.id AS id, p.events = [row.event] AS created

// name: updateLedgerProblem
// Writes a problem's new state and appends an event, if its status is still the one read.
MATCH (p:LedgerProblem {id: $id})
WHERE p.status = $expectedStatus
SET p += $changes, p.events = p.events + $event
RETURN p {.*} AS problem

// name: closedFindingProblems
// Closed problems that came from a finding, closed before an analysis of `$at`.
MATCH (p:LedgerProblem {status: 'closed', source: 'finding'})
WHERE datetime(p.closedAt) < datetime($at)
RETURN p.id AS id, p.sourceRef AS finding

// name: startVerification
// Starts the verification (五个一) of drawn or piloted departments; started ones stay as they are.
UNWIND $departments AS department
MATCH (d:Department {id: department})
MERGE (v:Verification {id: toString(toInteger($year)) + '/' + department})
ON CREATE SET v.year = toInteger($year), v.department = department, v.basis = $basis, v.draw = $draw,
  v.startedAt = $at, v.startedBy = $by, v.inquiries = [], v.talks = [], v.respondents = 0, v.answers = []
RETURN v.id AS id

// name: verification
// One department's verification record.
MATCH (v:Verification {id: $id})
RETURN v {.*} AS verification

// name: verifications
// The year's verifications.
MATCH (v:Verification {year: toInteger($year)})
RETURN v {.*} AS verification
ORDER BY v.department

// name: appendVerificationNote
// Appends an inquiry answer or a talk's notes (JSON) to a verification.
MATCH (v:Verification {id: $id})
CALL (v) {
  WITH v WHERE $list = 'inquiries'
  SET v.inquiries = v.inquiries + $note
}
CALL (v) {
  WITH v WHERE $list = 'talks'
  SET v.talks = v.talks + $note
}
RETURN v.id AS id

// name: addQuestionnaireAnswers
// Adds one anonymous questionnaire to the tallies: answers[q * 5 + choice - 1] counts choice
// (1-5) of question q. Nothing of the respondent is kept.
MATCH (v:Verification {id: $id})
SET v.respondents = v.respondents + 1,
    v.answers = [i IN range(0, size($tally) - 1) | coalesce(v.answers[i], 0) + $tally[i]]
RETURN v.respondents AS respondents

// name: inquiryLegalBases
// A department's power items with their legal bases, for the inquiry letter to the justice bureau.
MATCH (d:Department {id: $department})-[:HOLDS]->(p:PowerItem)
RETURN p.code AS code, p.name AS name,
  COLLECT { MATCH (p)-[:BASED_ON]->(b:LegalBasis) RETURN {title: b.title, status: coalesce(b.status, 'in_force')} ORDER BY b.title } AS bases
ORDER BY code

// name: evaluationDraw
// A recorded draw.
MATCH (d:EvaluationDraw {id: $id})
RETURN d.year AS year, d.seed AS seed, d.rosterHash AS rosterHash, d.result AS result, d.at AS at, d.by AS by

// name: evaluationDepartmentName
// A department's name.
MATCH (d:Department {id: $department})
RETURN d.name AS name

// name: saveCommendation
// Records a commendation (表扬) of a department for the year.
MATCH (d:Department {id: $department})
CREATE (c:Commendation {id: $id, year: toInteger($year), department: $department, text: $text, by: $by, at: $at})
RETURN c.id AS id

// name: commendations
// The year's recorded commendations.
MATCH (c:Commendation {year: toInteger($year)})
RETURN c.department AS department, c.text AS text, c.by AS by, c.at AS at
ORDER BY c.at
