/**
 * eval:dispatch — how often dispatch names the right department, on complaints it has not
 * learned from. The generated city's complaints of the last year (from --cutoff on) are held
 * out: the batch mode (`dutygraph dispatch --file … --json`) answers them from the lists, the
 * shipped lexicon and the routing history of earlier complaints only, and the answers are
 * scored against the planted truth. The same run scores dispatch without history and without
 * the lexicon beside it (what each adds), and checks the demo data's noise case.
 *
 *   npm run eval:dispatch [-- --scale 1 --seed 1 --cutoff 2023-01-01T00:00:00+08:00]
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DEMO_BUNDLE } from '../src/api/start-service.js';
import { buildDispatchIndex } from '../src/dispatch/build-index.js';
import { dispatch } from '../src/dispatch/dispatch.js';
import type { DispatchResult } from '../src/dispatch/dispatch-service.js';
import { projectPath } from '../src/project-root.js';
import { snapshotOfBundle } from '../test/helpers/dispatch-snapshot.js';
import { generatedCity, openCityGraph, readTruth, type ComplaintTruth } from './generated-city.js';
import { harder, treatmentOf, TREATMENTS } from './harder-texts.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    cutoff: { type: 'string', default: '2023-01-01T00:00:00+08:00' },
  },
});
const log = (line: string) => process.stderr.write(line + '\n');
const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

type Answer = DispatchResult & { id: string };

/**
 * Calls with no subject a department could own (written for this check, not generated): the
 * honest answer to each is "unassigned". Sent in the same batch, scored apart.
 */
const OFF_TOPIC = [
  '你好，我想咨询一下',
  '请问办事大厅几点下班',
  '我要投诉',
  '电话一直打不通',
  '有个问题想问问',
  '楼下有人吵架',
  '今天天气不好',
  '我想表扬一下工作人员',
  '上次反映的事情怎么样了',
  '请帮我查一下进度',
  '为什么还没有人联系我',
  '我对处理结果不满意',
  '想了解一下政策',
  '能不能帮忙转接一下',
  '打错了，不好意思',
];

/** The id of a complaint's harder text (harder-texts.ts) in the batch. */
const HARD = '~hard';

/**
 * Writes the held-out complaints as the batch mode's input, each twice: as generated, and
 * harder (harder-texts.ts); then the off-topic calls. Returns how many complaints.
 */
async function writeHeldOut(bundle: string, cutoffMs: number, out: string): Promise<number> {
  const heldOut: { id: string; text: string; district?: string }[] = [];
  for await (const line of createInterface({ input: createReadStream(join(bundle, 'complaints.ndjson'), 'utf8'), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const complaint = JSON.parse(line) as { id: string; text: string; district?: string; receivedAt: string };
    if (Date.parse(complaint.receivedAt) < cutoffMs) continue;
    heldOut.push({ id: complaint.id, text: complaint.text, district: complaint.district });
  }
  const output = createWriteStream(out);
  for (const c of heldOut) output.write(JSON.stringify(c) + '\n');
  // The second topic of a two-topic call comes from a complaint far enough away to be about something else, usually.
  heldOut.forEach((c, i) =>
    output.write(JSON.stringify({ ...c, id: c.id + HARD, text: harder(c.id, c.text, heldOut[(i + 97) % heldOut.length]!.text) }) + '\n'),
  );
  OFF_TOPIC.forEach((text, i) => output.write(JSON.stringify({ id: `off-topic-${i + 1}`, text }) + '\n'));
  await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return heldOut.length;
}

/** Runs `dutygraph dispatch --file` against the city's graph and collects the answers. */
async function runBatch(
  input: string,
  neo4jEnv: Record<string, string>,
  historyBefore: string,
  extra: string[] = [],
): Promise<{ answers: Map<string, Answer>; ms: number }> {
  const started = performance.now();
  const args = ['--import', 'tsx', projectPath('src/cli/main.ts'), 'dispatch', '--file', input, '--json', '--history-before', historyBefore, ...extra];
  const child = spawn(process.execPath, args, {
    cwd: projectPath(),
    env: { ...process.env, ...neo4jEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const answers = new Map<string, Answer>();
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    const answer = JSON.parse(line) as Answer;
    answers.set(answer.id, answer);
  }
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`dutygraph dispatch --file exited with ${code}`);
  return { answers, ms: performance.now() - started };
}

interface Scores {
  owned: number;
  top1: number;
  top3: number;
  unassignedAnswers: number;
  unassignedRight: number;
  unowned: number;
}

/** The first three distinct departments an answer proposes: its lead when assigned, then its candidates. */
function proposals(answer: Answer): string[] {
  const ids = [...(answer.status === 'assigned' && answer.lead ? [answer.lead.id] : []), ...answer.candidates.map((c) => c.id)];
  return [...new Set(ids)].slice(0, 3);
}

function score(truths: ComplaintTruth[], answers: Map<string, Answer>): Scores {
  const s: Scores = { owned: 0, top1: 0, top3: 0, unassignedAnswers: 0, unassignedRight: 0, unowned: 0 };
  for (const truth of truths) {
    const answer = answers.get(truth.id)!;
    const unassigned = answer.status === 'unassigned';
    if (unassigned) s.unassignedAnswers++;
    if (truth.department === null) {
      s.unowned++;
      if (unassigned) s.unassignedRight++;
      continue;
    }
    s.owned++;
    if (!unassigned && answer.lead?.id === truth.department) s.top1++;
    if (proposals(answer).includes(truth.department)) s.top3++;
  }
  return s;
}

function readNames(bundle: string, file: string, key: string): Map<string, string> {
  const lines = readFileSync(join(bundle, `${file}.ndjson`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return new Map(lines.map((l) => JSON.parse(l) as Record<string, string>).map((r) => [r[key]!, r.name!]));
}

async function main(): Promise<void> {
  const city = generatedCity(values.scale!, values.seed!);
  const bundle = join(city, 'bundle');
  const cutoffMs = Date.parse(values.cutoff!);
  if (Number.isNaN(cutoffMs)) throw new Error(`--cutoff: not a date-time: ${values.cutoff}`);
  const input = join(city, 'held-out.jsonl');
  const heldOut = await writeHeldOut(bundle, cutoffMs, input);
  const inHeldOut = new Set<string>();
  for (const line of readFileSync(input, 'utf8').split('\n')) if (line) inHeldOut.add((JSON.parse(line) as { id: string }).id);
  const truths = readTruth(city).filter((t) => inHeldOut.has(t.id));
  const hardTruths = truths.map((t) => ({ ...t, id: t.id + HARD }));
  const matterNames = readNames(bundle, 'matters', 'id');
  const departmentNames = readNames(bundle, 'departments', 'id');

  const graph = await openCityGraph(city, log);
  let withHistory: Awaited<ReturnType<typeof runBatch>>;
  let noHistory: Awaited<ReturnType<typeof runBatch>>;
  let noLexicon: Awaited<ReturnType<typeof runBatch>>;
  try {
    withHistory = await runBatch(input, graph.neo4jEnv, values.cutoff!);
    noHistory = await runBatch(input, graph.neo4jEnv, '1970-01-01T00:00:00Z');
    noLexicon = await runBatch(input, graph.neo4jEnv, values.cutoff!, ['--lexicon', 'none']);
  } finally {
    await graph.close();
  }

  const runs = [withHistory, noHistory, noLexicon];
  const [main, bare, plain] = runs.map((run) => score(truths, run.answers)) as [Scores, Scores, Scores];
  const [hardMain, hardBare, hardPlain] = runs.map((run) => score(hardTruths, run.answers)) as [Scores, Scores, Scores];
  console.log(
    `\neval:dispatch  scale ${values.scale}, seed ${values.seed}: ${heldOut.toLocaleString('en-US')} complaints received from ${values.cutoff} on, held out,`,
  );
  console.log(`each as generated and harder (bench/harder-texts.ts); history learned from complaints received before that only.\n`);
  console.log('| measure | dispatch (lists, lexicon, history) | without history | without lexicon | target |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const line = (name: string, f: (s: Scores) => string, target: string, set: Scores[] = [main, bare, plain]) =>
    console.log(`| ${name} | ${set.map(f).join(' | ')} | ${target} |`);
  const hard = [hardMain, hardBare, hardPlain];
  line('harder texts: top-1 accuracy (owned complaints)', (s) => pct(s.top1, s.owned), '≥ 92%', hard);
  line('harder texts: top-3 accuracy (owned complaints)', (s) => pct(s.top3, s.owned), '', hard);
  line('harder texts: unassigned precision', (s) => pct(s.unassignedRight, s.unassignedAnswers), '', hard);
  line('harder texts: unassigned recall', (s) => pct(s.unassignedRight, s.unowned), '≥ 90%', hard);
  line('as generated: top-1 accuracy (owned complaints)', (s) => pct(s.top1, s.owned), '');
  line('as generated: top-3 accuracy (owned complaints)', (s) => pct(s.top3, s.owned), '');
  line('as generated: unassigned precision', (s) => pct(s.unassignedRight, s.unassignedAnswers), '');
  line('as generated: unassigned recall', (s) => pct(s.unassignedRight, s.unowned), '');
  for (const treatment of TREATMENTS) {
    const subset = hardTruths.filter((t) => treatmentOf(t.id.slice(0, -HARD.length)) === treatment);
    line(
      `harder texts, ${treatment}: top-1 / unassigned recall`,
      (s) => `${pct(s.top1, s.owned)} / ${pct(s.unassignedRight, s.unowned)}`,
      '',
      runs.map((run) => score(subset, run.answers)),
    );
  }
  const offTopic = (run: { answers: Map<string, Answer> }) =>
    `${OFF_TOPIC.filter((_, i) => run.answers.get(`off-topic-${i + 1}`)?.status === 'unassigned').length} of ${OFF_TOPIC.length}`;
  console.log(`| off-topic calls answered "unassigned" | ${offTopic(withHistory)} | ${offTopic(noHistory)} | ${offTopic(noLexicon)} | all |`);
  console.log(`| complaints (owned / nobody's) | ${main.owned} / ${main.unowned} | | | |`);
  console.log(
    `| batch wall time (CLI start, index, answers) | ${(withHistory.ms / 1000).toFixed(1)} s | ${(noHistory.ms / 1000).toFixed(1)} s | ${(noLexicon.ms / 1000).toFixed(1)} s | |`,
  );

  // Per matter: the truth's matter, its complaints, top-1 and top-3, and the most frequent wrong answer.
  const byMatter = new Map<string, ComplaintTruth[]>();
  for (const truth of truths) byMatter.set(truth.matter, [...(byMatter.get(truth.matter) ?? []), truth]);
  console.log('\n| matter | complaints | top-1 | top-3 | unassigned answers | most frequent wrong answer |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  const rows = [...byMatter].map(([matter, list]) => ({ matter, list, s: score(list, withHistory.answers) }));
  rows.sort((a, b) => a.s.top1 / Math.max(1, a.s.owned) - b.s.top1 / Math.max(1, b.s.owned) || b.list.length - a.list.length);
  for (const { matter, list, s } of rows) {
    const wrong = new Map<string, number>();
    for (const truth of list) {
      const answer = withHistory.answers.get(truth.id)!;
      const said = answer.status === 'unassigned' ? '(unassigned)' : (answer.lead?.id ?? '');
      if (said !== (truth.department ?? '(unassigned)')) wrong.set(said, (wrong.get(said) ?? 0) + 1);
    }
    const [worst, n] = [...wrong].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const owned = s.owned > 0;
    console.log(
      `| ${matterNames.get(matter) ?? matter} | ${list.length} | ${owned ? pct(s.top1, s.owned) : '(nobody owns)'} | ${owned ? pct(s.top3, s.owned) : '–'} | ${pct(s.unassignedAnswers, list.length)} | ${n > 0 ? `${departmentNames.get(worst) ?? worst} (${n})` : '–'} |`,
    );
  }

  // Confusion pairs: who should have had it, who got it.
  const pairs = new Map<string, number>();
  for (const truth of truths) {
    const answer = withHistory.answers.get(truth.id)!;
    const said = answer.status === 'unassigned' ? '(unassigned)' : (answer.lead?.id ?? '');
    const should = truth.department ?? '(unassigned)';
    if (said !== should) pairs.set(`${should}\t${said}`, (pairs.get(`${should}\t${said}`) ?? 0) + 1);
  }
  console.log('\n| truth | answered | complaints |');
  console.log('| --- | --- | ---: |');
  for (const [pair, n] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    const [should, said] = pair.split('\t') as [string, string];
    console.log(`| ${departmentNames.get(should) ?? should} | ${departmentNames.get(said) ?? said} | ${n} |`);
  }

  const demo = dispatch(buildDispatchIndex(snapshotOfBundle(DEMO_BUNDLE)), '晚上十一点多了，小区对面工地还在打桩，吵得孩子根本睡不着', '371100');
  const demoOk = demo.lead?.id === 'd-sthjj' && demo.via === 'boundary-item' && demo.evidence[0]?.id === 'b-2021-noise-02';
  console.log(
    `\ndemo noise case (工地夜间打桩, 日照市): ${demo.lead?.name} via ${demo.via} ${demo.evidence[0]?.id ?? ''} — ${demoOk ? 'as boundary item b-2021-noise-02 says' : 'WRONG: b-2021-noise-02 names 日照市生态环境局'}`,
  );
  if (!demoOk) process.exitCode = 1;
}

await main();
