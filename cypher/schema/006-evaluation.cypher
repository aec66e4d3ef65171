// The yearly evaluation (docs/evaluation.md): standards, entries, rounds, draws, forms, the
// rectification ledger, and the analysis tallies scorecards read.
CREATE CONSTRAINT evaluation_standard_key IF NOT EXISTS FOR (n:EvaluationStandard) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evaluation_entry_key IF NOT EXISTS FOR (n:EvaluationEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evaluation_round_key IF NOT EXISTS FOR (n:EvaluationRound) REQUIRE n.year IS UNIQUE;
CREATE CONSTRAINT evaluation_draw_key IF NOT EXISTS FOR (n:EvaluationDraw) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT finding_tally_key IF NOT EXISTS FOR (n:FindingTally) REQUIRE n.department IS UNIQUE;
CREATE CONSTRAINT analysis_record_key IF NOT EXISTS FOR (n:AnalysisRecord) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT evaluation_form_key IF NOT EXISTS FOR (n:EvaluationForm) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ledger_problem_key IF NOT EXISTS FOR (n:LedgerProblem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT verification_key IF NOT EXISTS FOR (n:Verification) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT commendation_key IF NOT EXISTS FOR (n:Commendation) REQUIRE n.id IS UNIQUE;
