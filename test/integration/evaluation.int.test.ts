import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { readFindingTallies } from '../../src/evaluation/analysis-record.js';
import { commend, enterIndicator, importStandard, standardFor } from '../../src/evaluation/evaluation-store.js';
import { hotlineFigures } from '../../src/evaluation/hotline-figures.js';
import { computeScorecards, publishRound, type Scorecards } from '../../src/evaluation/scorecard.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { projectPath } from '../../src/project-root.js';
import { openDemoApi, type DemoApi } from '../helpers/api.js';
import { writeBundle } from '../helpers/bundle-dir.js';
import { runCli } from '../helpers/cli.js';
import { testNeo4jEnv } from '../helpers/neo4j.js';

const STANDARD_FILE = projectPath('seed', 'fixtures', 'evaluation', 'standard-2021.json');
const STANDARD = JSON.parse(readFileSync(STANDARD_FILE, 'utf8')) as { year: number; name: string };

let demo: DemoApi;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.close());

const env = () => ({ ...process.env, ...testNeo4jEnv() });
const codeOf = (code: ErrorCode) => expect.objectContaining({ code });

describe('the double-random draw on the demo roster', () => {
  it('draws the same for the same seed, otherwise for another, and prints the roster hash it drew from', async () => {
    const draw = (seed: string) => runCli(['evaluate', 'draw', '--year', '2021', '--departments', '3', '--sections', '1', '--seed', seed, '--json'], env());
    const [first, again, other, roster] = await Promise.all([
      draw('2021-12-01 福彩3D 5 2 9'),
      draw('2021-12-01 福彩3D 5 2 9'),
      draw('2021-12-02 福彩3D 0 7 1'),
      runCli(['evaluate', 'roster'], env()),
    ]);
    expect(first.code).toBe(0);
    type Drawn = { rosterHash: string; departments: { id: string; sections: unknown[] }[] };
    const [a, b, c] = [first, again, other].map((r) => JSON.parse(r.stdout) as Drawn) as [Drawn, Drawn, Drawn];
    expect(b).toEqual(a);
    expect(a.departments).toHaveLength(3);
    expect(c.departments.map((d) => d.id)).not.toEqual(a.departments.map((d) => d.id));
    expect(roster.stderr).toContain(`roster SHA-256 ${a.rosterHash}`);
    expect(roster.stdout.split('\n')[0]).toMatch(/^department\td-/);
  });

  it('refuses a draw without a usable seed or count', async () => {
    const noCount = await runCli(['evaluate', 'draw', '--year', '2021', '--departments', '0', '--sections', '1', '--seed', 'x'], env());
    expect(noCount.code).not.toBe(0);
    expect(noCount.stderr).toContain('expected a whole number');
    const blank = await runCli(['evaluate', 'draw', '--year', '2021', '--departments', '2', '--sections', '1', '--seed', '   '], env());
    expect(blank.stderr).toContain('BAD_USER_INPUT: --seed: the seed is empty');
  });
});

describe('the yearly evaluation of the demo city', () => {
  it('shows the construction-noise case: bouncing before its boundary items, connected after', async () => {
    const figures = await hotlineFigures(demo.db, 2021);
    const noise = figures.boundaryItems.find((b) => b.id === 'b-2021-noise-02')!;
    expect(noise).toMatchObject({ lead: 'd-sthjj', before: 5, bouncedBefore: 5, connectedBefore: 0, after: 3, connectedAfter: 2 });
    expect(noise.bounceAfter!).toBeLessThan(noise.bounceBefore!);
    const sthjj = figures.departments.find((d) => d.department === 'd-sthjj')!;
    const june = sthjj.months.find((m) => m.month === 6)!;
    expect(june.meets.connection).toBe(true);
    expect(sthjj.months.find((m) => m.month === 3)!.connection).toBe(0);
  });

  it('scores every department of the roster with indicators and evidence, reusing the recorded analysis', async () => {
    await importStandard(demo.db, STANDARD, 'test');
    const result = await runCli(['evaluate', 'scorecard', '--year', '2021', '--json'], env());
    expect(result.code).toBe(0);
    const cards = JSON.parse(result.stdout) as Scorecards;
    const roster = await runCli(['evaluate', 'roster'], env());
    const departments = roster.stdout.split('\n').filter((l) => l.startsWith('department\t')).length;
    expect(cards.departments).toHaveLength(departments);
    for (const d of cards.departments) {
      expect(d.total).toBeGreaterThanOrEqual(0);
      expect(d.total).toBeLessThanOrEqual(100);
      expect(d.indicators.length).toBeGreaterThan(10);
    }
    expect(cards.departments.map((d) => d.rank)).toEqual([...cards.departments.map((d) => d.rank)].sort((x, y) => x - y));
    const cgj = cards.departments.find((d) => d.department === 'd-cgj')!;
    const connection = cgj.indicators.find((i) => i.metric === 'hotline.connection')!;
    expect(connection.value).toBeLessThan(0.99);
    expect(connection.evidence).toContain('c-2021-0001');
    const overlaps = cards.departments.flatMap((d) => d.indicators.filter((i) => i.metric === 'findings.overlap' && i.evidence.length > 0));
    expect(overlaps.length).toBeGreaterThan(0);
    // The CLI recorded the analysis it ran; a second scorecard at the same revision reads it.
    const recorded = await readFindingTallies(demo.db);
    expect(recorded.revision).toBe(cards.analysis.revision);
    const again = await computeScorecards(demo.db, 2021, {
      analyse: () => {
        throw new Error('the recorded analysis should have been used');
      },
    });
    expect(again.departments.map((d) => [d.department, d.total])).toEqual(cards.departments.map((d) => [d.department, d.total]));
  });

  it("takes a body's entries for its own indicators only, and a veto caps the total", async () => {
    const entry = { year: 2021, department: 'd-cgj', indicator: '5.1', value: 6, body: 'discipline' as const };
    await expect(enterIndicator(demo.db, { ...entry, body: 'propaganda' }, 'test')).rejects.toEqual(codeOf(ErrorCode.FORBIDDEN));
    await expect(enterIndicator(demo.db, { ...entry, indicator: '2.1' }, 'test')).rejects.toEqual(codeOf(ErrorCode.BAD_USER_INPUT));
    await expect(enterIndicator(demo.db, { ...entry, indicator: '9.9' }, 'test')).rejects.toEqual(codeOf(ErrorCode.NOT_FOUND));
    await expect(enterIndicator(demo.db, { ...entry, department: 'd-nope' }, 'test')).rejects.toEqual(codeOf(ErrorCode.NOT_FOUND));
    await enterIndicator(demo.db, { ...entry, value: 5 }, 'token:jw-first');
    await enterIndicator(demo.db, { ...entry, note: '年度考核' }, 'token:jw');
    await commend(demo.db, { year: 2021, department: 'd-cgj', text: '夜间施工巡查及时' }, 'token:bb');
    await expect(commend(demo.db, { year: 2021, department: 'd-cgj', text: ' ' }, 'test')).rejects.toEqual(codeOf(ErrorCode.BAD_USER_INPUT));
    await enterIndicator(demo.db, { ...entry, indicator: '5.4', value: 1 }, 'token:jw');
    const cgj = (await computeScorecards(demo.db, 2021)).departments.find((d) => d.department === 'd-cgj')!;
    const corrected = cgj.indicators.find((i) => i.id === '5.1')!;
    expect(corrected).toMatchObject({ points: 6, missing: false, entry: { by: 'token:jw', note: '年度考核' } });
    expect(corrected.entry!.corrections).toEqual([expect.stringMatching(/^5(\.0)? token:jw-first \d{4}-/)]);
    expect(cgj.vetoes).toEqual(['5.4']);
    expect(cgj.commendations).toEqual([expect.objectContaining({ text: '夜间施工巡查及时', source: 'recorded', by: 'token:bb' })]);
    expect(cgj.total).toBeLessThanOrEqual(60);
  });

  it('publishes a round only when complete (or told), then keeps its scorecards and freezes its standard', async () => {
    await expect(publishRound(demo.db, 2021, 'test')).rejects.toEqual(codeOf(ErrorCode.BAD_USER_INPUT));
    const published = await publishRound(demo.db, 2021, 'test', { allowMissing: true });
    expect(published.round.status).toBe('published');
    expect((await standardFor(demo.db, 2021)).status).toBe('frozen');
    await expect(importStandard(demo.db, STANDARD, 'test')).rejects.toEqual(codeOf(ErrorCode.CONFLICT));
    await expect(enterIndicator(demo.db, { year: 2021, department: 'd-zjj', indicator: '5.1', value: 8, body: 'discipline' }, 'test')).rejects.toEqual(
      codeOf(ErrorCode.CONFLICT),
    );
    await expect(publishRound(demo.db, 2021, 'test', { allowMissing: true })).rejects.toEqual(codeOf(ErrorCode.CONFLICT));
    // The graph moves on; the published year's scorecards do not.
    await importBundle(
      demo.db,
      writeBundle({
        'complaints.json': [
          {
            id: 'c-late',
            text: '工地夜间施工噪声',
            receivedAt: '2021-12-30T22:00:00+08:00',
            district: '371100',
            routes: [{ department: 'd-cgj', at: '2021-12-31T09:00:00+08:00', outcome: 'refused', reason: '职能不符' }],
          },
        ],
      }),
    );
    const after = await computeScorecards(demo.db, 2021);
    expect(after.departments.map((d) => [d.department, d.total])).toEqual(published.departments.map((d) => [d.department, d.total]));
    // Next year's scorecards say how each department moved.
    await importStandard(demo.db, { ...STANDARD, year: 2022, name: '2022年度部门职能运行监管评估指标' }, 'test');
    const next = await computeScorecards(demo.db, 2022);
    const cgj = next.departments.find((d) => d.department === 'd-cgj')!;
    expect(cgj.change).toBe(Math.round((cgj.total - published.departments.find((d) => d.department === 'd-cgj')!.total) * 100) / 100);
  });

  it('refuses a standard whose weights do not add up, naming the indicator, and stores nothing', async () => {
    const bad = JSON.parse(JSON.stringify(STANDARD)) as { year: number; indicators: { weight: number }[] };
    bad.year = 2023;
    bad.indicators[0]!.weight = 25;
    await expect(importStandard(demo.db, bad, 'test')).rejects.toEqual(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, message: expect.stringContaining('not 100') }),
    );
    await expect(standardFor(demo.db, 2023)).rejects.toEqual(codeOf(ErrorCode.NOT_FOUND));
  });
});

describe('the evaluation over GraphQL', () => {
  it('lets the office import, enter and publish, analysts read live scorecards, and everyone the published ones', async () => {
    const standard = { ...STANDARD, year: 2024, name: '2024年度部门职能运行监管评估指标' };
    const imported = await demo.api.execute('mutation($s: JSON!) { importEvaluationStandard(standard: $s) { id version year } }', { s: standard }, 'editor');
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importEvaluationStandard).toMatchObject({ year: 2024, version: 1 });
    const entered = await demo.api.execute(
      'mutation { enterEvaluationIndicator(year: 2024, department: "d-zjj", indicator: "5.3", value: 5, body: PROPAGANDA, note: "意识形态工作考核") { id } }',
      {},
      'editor',
    );
    expect(entered.data!.enterEvaluationIndicator.id).toBe('2024/d-zjj/5.3');
    const wrongBody = await demo.api.execute(
      'mutation { enterEvaluationIndicator(year: 2024, department: "d-zjj", indicator: "5.3", value: 5, body: OFFICE) { id } }',
      {},
      'editor',
    );
    expect(wrongBody.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const live = await demo.api.execute(
      '{ scorecards(year: 2024) { status standardId departments { department rank total indicators { id value points evidence entry { body by note } } problems { indicator lost } } } }',
      {},
      'analyst',
    );
    expect(live.errors).toBeUndefined();
    const zjj = live.data!.scorecards.departments.find((d: { department: string }) => d.department === 'd-zjj');
    expect(zjj.indicators.find((i: { id: string }) => i.id === '5.3')).toMatchObject({
      value: 5,
      points: 5,
      entry: { body: 'PROPAGANDA', note: '意识形态工作考核' },
    });
    expect((await demo.api.execute('{ publishedScorecards(year: 2024) { year } }', {}, 'viewer')).errors![0]!.extensions!.code).toBe('NOT_FOUND');

    const published = await demo.api.execute(
      'mutation { publishEvaluation(year: 2024, allowMissing: true) { status departments { department total } } }',
      {},
      'editor',
    );
    expect(published.data!.publishEvaluation.status).toBe('published');
    const read = await demo.api.execute('{ publishedScorecards(year: 2024) { status departments { department total } } }', {}, 'viewer');
    expect(read.data!.publishedScorecards.departments).toEqual(published.data!.publishEvaluation.departments);

    const draw = await demo.api.execute(
      'mutation { drawForEvaluation(year: 2024, departments: 2, sections: 1, seed: "2024-12-01 开奖号码 1 2 3") { id rosterHash departments { id sections { id } } } }',
      {},
      'editor',
    );
    expect(draw.errors).toBeUndefined();
    const roster = await demo.api.execute('{ evaluationRoster { hash } }', {}, 'viewer');
    expect(draw.data!.drawForEvaluation.rosterHash).toBe(roster.data!.evaluationRoster.hash);
    expect(draw.data!.drawForEvaluation.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the three forms', () => {
  const due = '2022-01-31T18:00:00+08:00';
  let url: string;
  let close: () => Promise<void>;
  let zjj: string;
  let discipline: string;
  beforeAll(async () => {
    zjj = demo.api.departmentToken('d-zjj');
    discipline = demo.api.bodyToken('discipline');
    ({ url, close } = await demo.api.listen());
    // The server re-reads the token file at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });
  afterAll(() => close());

  const call = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    // Tests read deep into results; each assertion is the type check.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (await response.json()) as { data?: Record<string, any> | null; errors?: { extensions: { code: string } }[] };
  };
  const code = (result: { errors?: { extensions: { code: string } }[] }) => result.errors?.[0]?.extensions.code;

  it('opens prefilled forms with a deadline, and lets a department fill and submit its own only', async () => {
    const editor = demo.api.tokens.editor;
    // Due a month from now: submitted today, on time.
    const dueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const opened = await call(
      editor,
      'mutation($dueAt: String!) { openEvaluationForms(year: 2025, dueAt: $dueAt, departments: ["d-zjj", "d-sthjj"]) { opened forms } }',
      { dueAt },
    );
    expect(opened.data!.openEvaluationForms).toEqual({ opened: 6, forms: 6 });
    const again = await call(editor, 'mutation($dueAt: String!) { openEvaluationForms(year: 2025, dueAt: $dueAt, departments: ["d-zjj"]) { opened forms } }', {
      dueAt,
    });
    expect(again.data!.openEvaluationForms).toEqual({ opened: 0, forms: 6 });

    const own = await call(zjj, '{ evaluationForms(year: 2025) { id kind status blocking warnings prefill } }');
    expect(own.errors, JSON.stringify(own.errors)).toBeUndefined();
    expect(own.data!.evaluationForms.map((f: { id: string }) => f.id)).toEqual(['2025/d-zjj/boundary', '2025/d-zjj/results', '2025/d-zjj/sections']);
    const boundary = own.data!.evaluationForms[0];
    expect(boundary.prefill.boundaryItems.map((b: { id: string }) => b.id)).toContain('b-2021-lift-01');
    expect(boundary.warnings).toContain('未填写边界事项 b-2021-lift-01 的履职情况');

    // Another department's forms: neither read nor written.
    expect(code(await call(zjj, '{ evaluationForms(year: 2025, department: "d-sthjj") { id } }'))).toBe('FORBIDDEN');
    expect(code(await call(zjj, '{ evaluationForm(id: "2025/d-sthjj/results") { id } }'))).toBe('FORBIDDEN');
    // Whether a form exists is not told either: one that was never opened is refused the same way.
    expect(code(await call(zjj, '{ evaluationForm(id: "2031/d-sthjj/results") { id } }'))).toBe('FORBIDDEN');
    expect(code(await call(demo.api.tokens.viewer, '{ evaluationForm(id: "2025/d-sthjj/results") { id } }'))).toBe('FORBIDDEN');
    expect(code(await call(demo.api.tokens.viewer, '{ evaluationForm(id: "2031/d-sthjj/results") { id } }'))).toBe('FORBIDDEN');
    expect(code(await call(zjj, '{ evaluationForm(id: "2031/d-zjj/results") { id } }'))).toBe('NOT_FOUND');
    const content = { summary: '全年依法履职', achievements: ['办结投诉120件'] };
    expect(code(await call(zjj, 'mutation($c: JSON!) { saveEvaluationForm(id: "2025/d-sthjj/results", content: $c) { id } }', { c: content }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await call(zjj, 'mutation { submitEvaluationForm(id: "2025/d-sthjj/results") { id } }'))).toBe('FORBIDDEN');
    // Nor may it review its own, or anyone's without a token of its department.
    expect(code(await call(zjj, 'mutation { acceptEvaluationForm(id: "2025/d-zjj/results") { id } }'))).toBe('FORBIDDEN');
    expect(code(await call(demo.api.tokens.viewer, '{ evaluationForms(year: 2025) { id } }'))).toBe('FORBIDDEN');

    expect(code(await call(zjj, 'mutation { submitEvaluationForm(id: "2025/d-zjj/results") { id } }'))).toBe('BAD_USER_INPUT');
    expect(code(await call(zjj, 'mutation($c: JSON!) { saveEvaluationForm(id: "2025/d-zjj/results", content: $c) { id } }', { c: { summary: 1 } }))).toBe(
      'BAD_USER_INPUT',
    );
    const saved = await call(zjj, 'mutation($c: JSON!) { saveEvaluationForm(id: "2025/d-zjj/results", content: $c) { status blocking warnings } }', {
      c: content,
    });
    expect(saved.data!.saveEvaluationForm).toEqual({ status: 'draft', blocking: [], warnings: ['未附佐证材料'] });
    const submitted = await call(zjj, 'mutation { submitEvaluationForm(id: "2025/d-zjj/results") { status submittedAt late events { action by } } }');
    expect(submitted.data!.submitEvaluationForm).toMatchObject({ status: 'submitted', late: false });
    expect(submitted.data!.submitEvaluationForm.events.map((e: { action: string }) => e.action)).toEqual(['open', 'save', 'submit']);
    expect(code(await call(zjj, 'mutation($c: JSON!) { saveEvaluationForm(id: "2025/d-zjj/results", content: $c) { id } }', { c: content }))).toBe('CONFLICT');

    // The office returns it with the reason; the department corrects and submits again; the office accepts.
    expect(code(await call(editor, 'mutation { returnEvaluationForm(id: "2025/d-zjj/results", reason: " ") { id } }'))).toBe('BAD_USER_INPUT');
    const returned = await call(editor, 'mutation { returnEvaluationForm(id: "2025/d-zjj/results", reason: "请补充佐证材料") { status returnReason } }');
    expect(returned.data!.returnEvaluationForm).toEqual({ status: 'returned', returnReason: '请补充佐证材料' });
    await call(zjj, 'mutation($c: JSON!) { saveEvaluationForm(id: "2025/d-zjj/results", content: $c) { id } }', {
      c: { ...content, materials: [{ name: '年度工作总结' }] },
    });
    await call(zjj, 'mutation { submitEvaluationForm(id: "2025/d-zjj/results") { id } }');
    const accepted = await call(editor, 'mutation { acceptEvaluationForm(id: "2025/d-zjj/results") { status warnings } }');
    expect(accepted.data!.acceptEvaluationForm).toEqual({ status: 'accepted', warnings: [] });
  });

  it("lets a body's own token enter that body's indicators only, and nothing else", async () => {
    await importStandard(demo.db, { ...STANDARD, year: 2027, name: '2027年度部门职能运行监管评估指标' }, 'test');
    const enter = (token: string, body: string, indicator = '5.1') =>
      call(token, `mutation { enterEvaluationIndicator(year: 2027, department: "d-zjj", indicator: "${indicator}", value: 7, body: ${body}) { id } }`);
    const entered = await enter(discipline, 'DISCIPLINE');
    expect(entered.data!.enterEvaluationIndicator.id).toBe('2027/d-zjj/5.1');
    expect(code(await enter(discipline, 'PROPAGANDA', '5.3'))).toBe('FORBIDDEN');
    expect(code(await enter(zjj, 'DISCIPLINE'))).toBe('FORBIDDEN');
    expect(code(await enter(demo.api.tokens.analyst, 'DISCIPLINE'))).toBe('FORBIDDEN');
    expect(code(await call(discipline, '{ evaluationForms(year: 2025) { id } }'))).toBe('FORBIDDEN');
    expect(code(await call(discipline, 'mutation { submitEvaluationForm(id: "2025/d-zjj/sections") { id } }'))).toBe('FORBIDDEN');
  });

  it('reminds the forms past their deadline and not submitted, and counts them late on the scorecard', async () => {
    const { openForms, remindLateForms } = await import('../../src/evaluation/form-store.js');
    await openForms(demo.db, { year: 2021, dueAt: due, departments: ['d-zjj', 'd-cgj'] }, 'test');
    const before = await remindLateForms(demo.db, 2021, 'test', new Date('2022-01-01T00:00:00+08:00'));
    expect(before).toEqual([]);
    const reminded = await remindLateForms(demo.db, 2021, 'test', new Date('2022-02-01T00:00:00+08:00'));
    expect(reminded.map((f) => f.id).sort()).toEqual([
      '2021/d-cgj/boundary',
      '2021/d-cgj/results',
      '2021/d-cgj/sections',
      '2021/d-zjj/boundary',
      '2021/d-zjj/results',
      '2021/d-zjj/sections',
    ]);
    expect(reminded.every((f) => f.reminders === 1 && f.late)).toBe(true);
    const twice = await remindLateForms(demo.db, 2021, 'test', new Date('2022-02-08T00:00:00+08:00'));
    expect(twice.every((f) => f.reminders === 2 && f.events.filter((e) => e.action === 'remind').length === 2)).toBe(true);
  });
});

describe('the rectification ledger', () => {
  it('takes findings in one step, closes a problem only with evidence, and reopens it when the next analysis finds it again', async () => {
    const { refreshAnalysis } = await import('../../src/evaluation/analysis-record.js');
    const { closeProblem, listProblems, sendFindingsToLedger } = await import('../../src/evaluation/ledger.js');
    const { findings } = await refreshAnalysis(demo.db);
    const overlap = findings.find((f) => f.kind === 'overlap' && f.departments.length >= 2)!;
    const sent = await sendFindingsToLedger(
      demo.db,
      findings,
      { year: 2026, ids: [overlap.id], deadline: '2026-06-30T18:00:00+08:00', owner: '法规科' },
      'test',
    );
    expect(sent.added).toHaveLength(overlap.departments.length);
    expect(
      (await sendFindingsToLedger(demo.db, findings, { year: 2026, ids: [overlap.id], deadline: '2026-06-30T18:00:00+08:00', owner: '法规科' }, 'test'))
        .already,
    ).toBe(overlap.departments.length);
    await expect(
      sendFindingsToLedger(demo.db, findings, { year: 2026, ids: ['overlap:nope'], deadline: '2026-06-30T18:00:00+08:00', owner: 'x' }, 'test'),
    ).rejects.toEqual(codeOf(ErrorCode.NOT_FOUND));
    const [problem] = await listProblems(demo.db, 2026, overlap.departments[0]!.id);
    expect(problem).toMatchObject({ source: 'finding', sourceRef: overlap.id, status: 'open', owner: '法规科' });
    expect(problem!.description).toContain('职责交叉');

    await expect(closeProblem(demo.db, problem!.id, '  ', 'test')).rejects.toEqual(codeOf(ErrorCode.BAD_USER_INPUT));
    const closed = await closeProblem(demo.db, problem!.id, '已修订权责清单，见2026年第3号公告', 'test');
    expect(closed).toMatchObject({ status: 'closed', evidence: '已修订权责清单，见2026年第3号公告', closedBy: 'test' });
    await expect(closeProblem(demo.db, problem!.id, '再次销号的说明', 'test')).rejects.toEqual(codeOf(ErrorCode.CONFLICT));

    // The lists did not change: the next analysis finds the overlap again, and the problem is reopened.
    const { reopened } = await refreshAnalysis(demo.db);
    expect(reopened).toContain(problem!.id);
    const [after] = (await listProblems(demo.db, 2026, overlap.departments[0]!.id)).filter((p) => p.id === problem!.id);
    expect(after!.status).toBe('reopened');
    expect(after!.events.map((e) => e.action)).toEqual(['add', 'close', 'reopen']);
  });

  it('flags problems open past their deadline and counts them on the scorecard', async () => {
    const { addProblem } = await import('../../src/evaluation/ledger.js');
    const problem = await addProblem(
      demo.db,
      { year: 2022, department: 'd-zjj', source: 'talk', description: '座谈反映科室职责不清', deadline: '2022-03-31T18:00:00+08:00', owner: '办公室' },
      'test',
    );
    expect(problem.overdue).toBe(true);
    await expect(
      addProblem(demo.db, { year: 2022, department: 'd-nope', source: 'talk', description: 'x', deadline: '2022-03-31T18:00:00+08:00', owner: 'y' }, 'test'),
    ).rejects.toEqual(codeOf(ErrorCode.NOT_FOUND));
    await expect(
      addProblem(demo.db, { year: 2022, department: 'd-zjj', source: 'talk', description: 'x', deadline: 'soon', owner: 'y' }, 'test'),
    ).rejects.toEqual(codeOf(ErrorCode.BAD_USER_INPUT));
    const cards = await computeScorecards(demo.db, 2022);
    const zjj = cards.departments.find((d) => d.department === 'd-zjj')!;
    expect(zjj.indicators.find((i) => i.metric === 'ledger.overdue')).toMatchObject({ value: 1, points: 4, evidence: [problem.id] });
  });
});

describe('the five ones for drawn departments', () => {
  it('starts from a recorded draw, writes the inquiry letters from the graph, keeps answers, talks and only the tallies of questionnaires, and reports', async () => {
    const { drawFromGraph } = await import('../../src/evaluation/roster.js');
    const v = await import('../../src/evaluation/verification.js');
    const draw = await drawFromGraph(demo.db, { year: 2021, seed: '2021-12-01 开奖 1 2 3', departments: 2, sections: 1 }, { by: 'test' });
    const started = await v.startVerification(demo.db, { year: 2021, draw: draw.id }, 'test');
    expect(started.map((s) => s.department).sort()).toEqual(draw.departments.map((d) => d.id).sort());
    expect(started[0]).toMatchObject({ basis: 'draw', draw: draw.id, respondents: 0 });
    await expect(v.startVerification(demo.db, { year: 2022, draw: draw.id }, 'test')).rejects.toEqual(codeOf(ErrorCode.BAD_USER_INPUT));
    await expect(v.startVerification(demo.db, { year: 2021, draw: 'none' }, 'test')).rejects.toEqual(codeOf(ErrorCode.NOT_FOUND));

    const [piloted] = await v.startVerification(demo.db, { year: 2021, departments: ['d-zjj'] }, 'test');
    const justice = await v.inquiryLetter(demo.db, piloted!.id, 'justice');
    expect(justice).toContain('市司法局');
    expect(justice).toContain('371100-ZJ-QT-001'); // an item of 住建局 without a legal basis
    const hotline = await v.inquiryLetter(demo.db, piloted!.id, 'hotline');
    expect(hotline).toMatch(/全年：首派\d+件，签收率[\d.]+%（标准99%）/);

    await v.answerQuestionnaire(demo.db, piloted!.id, [4, 5, 3, 4, 4, 5, 3, 4]);
    await v.answerQuestionnaire(demo.db, piloted!.id, [2, 5, 3, 4, 4, 5, 3, 4]);
    await expect(v.answerQuestionnaire(demo.db, piloted!.id, [4, 5, 9, 4, 4, 5, 3, 4])).rejects.toEqual(codeOf(ErrorCode.BAD_USER_INPUT));
    await v.recordTalk(demo.db, piloted!.id, { with: '执法科科长', notes: '夜间施工巡查人手不足' }, 'test');
    const answered = await v.recordInquiryAnswer(demo.db, piloted!.id, 'justice', '两项事项依据待补充', 'test');
    expect(answered.respondents).toBe(2);
    expect(answered.questionnaire[0]).toEqual({ statement: v.QUESTIONNAIRE[0], counts: [0, 1, 0, 1, 0], mean: 3 });
    // Anonymous: the record holds tallies, nothing per respondent.
    const [stored] = await demo.db.readTx(
      (tx) =>
        tx.run<{ keys: string[] }>({ name: 'q', description: '', source: 'test', text: "MATCH (v:Verification {id: '2021/d-zjj'}) RETURN keys(v) AS keys" }),
      'q',
    );
    expect(stored!.keys.sort()).toEqual(['answers', 'basis', 'department', 'id', 'inquiries', 'respondents', 'startedAt', 'startedBy', 'talks', 'year']);

    const report = await v.verificationReport(demo.db, piloted!.id);
    for (const part of ['“三张表”填报情况', '函询情况', '问卷调查（2份，匿名）', '座谈与个别谈话（1人次）', '问题整改台账']) expect(report).toContain(part);
    expect(report).toContain('两项事项依据待补充');
  });
});
