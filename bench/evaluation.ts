/**
 * bench:evaluation — a year's scorecards for every department of generated data (S=10, a
 * province, by default), as `dutygraph evaluate scorecard` computes them: the findings of the
 * analysis recorded for the graph's revision, the hotline and boundary-item figures aggregated in
 * Neo4j, staffing ratios, forms, ledger and entries, scored and ranked. Beside it, in the same
 * run, two baselines: the same scorecards when the analysis has to run first (the graph moved
 * since the last), and the hotline figures computed the naive way, every complaint of the year
 * streamed to Node with its routing chain and counted there. The target (issue 15): every
 * department's scorecard at S=10 in under a minute.
 *
 *   npm run bench:evaluation [-- --scale 10 --seed 1 --year 2022]
 */
import { parseArgs } from 'node:util';
import { refreshAnalysis } from '../src/evaluation/analysis-record.js';
import { importStandard, standardFor } from '../src/evaluation/evaluation-store.js';
import { computeScorecards } from '../src/evaluation/scorecard.js';
import { yearWindow } from '../src/evaluation/hotline.js';
import { namedQueries } from '../src/db/named-queries.js';
import { projectPath } from '../src/project-root.js';
import { readFileSync } from 'node:fs';
import { generatedCity, openCityGraph } from './generated-city.js';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' }, year: { type: 'string', default: '2022' } },
});
const year = Number(values.year);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** The naive hotline figures: every complaint of the year with its chain, counted in Node. */
const NAIVE_HOTLINE = `MATCH (c:Complaint) WHERE c.receivedAt >= $looseFrom AND c.receivedAt < $looseTo
  AND datetime(c.receivedAt) >= datetime($from) AND datetime(c.receivedAt) < datetime($to)
  RETURN c.id AS id, c.dueAt AS dueAt, c.closedAt AS closedAt, c.rating AS rating,
    COLLECT { MATCH (c)-[r:ROUTED]->(d:Department) RETURN [d.id, r.outcome] ORDER BY r.seq } AS chain`;

async function main(): Promise<void> {
  const city = generatedCity(values.scale!, values.seed!);
  const graph = await openCityGraph(city, (line) => process.stderr.write(line + '\n'));
  try {
    const standard = JSON.parse(readFileSync(projectPath('seed', 'fixtures', 'evaluation', 'standard-2021.json'), 'utf8')) as object;
    await standardFor(graph.db, year).catch(() => importStandard(graph.db, { ...standard, year, name: `${year}年度部门职能运行监管评估指标` }, 'bench'));

    // Baseline 1: the graph moved since the last analysis, so the scorecards wait for one.
    const [, analysisMs] = await timed(() => refreshAnalysis(graph.db));
    const [cards, scorecardMs] = await timed(() => computeScorecards(graph.db, year));
    // Ours again, warm (a second office user, or the web app's next request).
    const [, warmMs] = await timed(() => computeScorecards(graph.db, year));

    // Ours, the hotline part alone: aggregated in Neo4j, one row per department and month.
    const [aggregated, aggregatedMs] = await timed(() => graph.db.read(namedQueries().get('evaluationHotline')!, yearWindow(year), { timeoutMs: 30 * 60_000 }));
    // Baseline 2: hotline figures counted in Node from every complaint of the year.
    const [naive, naiveMs] = await timed(() =>
      graph.db.readTx(
        (tx) =>
          tx.run<{ id: string; chain: [string, string][] }>({ name: 'naiveHotline', description: '', source: 'bench', text: NAIVE_HOTLINE }, yearWindow(year)),
        'naiveHotline',
        { timeoutMs: 30 * 60_000 },
      ),
    );
    const firstTaken = new Map<string, [number, number]>();
    for (const { chain } of naive) {
      const [department, outcome] = chain[0] ?? [];
      if (!department) continue;
      const counts = firstTaken.get(department) ?? [0, 0];
      counts[0]++;
      if (outcome === 'accepted' || outcome === 'resolved') counts[1]++;
      firstTaken.set(department, counts);
    }

    const departments = cards.departments.length;
    const indicators = cards.departments.reduce((n, d) => n + d.indicators.length, 0);
    console.log(
      `\nbench:evaluation  S=${values.scale} seed ${values.seed}, year ${year}: ${departments} departments, ${indicators} indicator scores, ${naive.length} complaints in the year\n`,
    );
    console.log('| what | time | note |');
    console.log('| --- | ---: | --- |');
    console.log(`| ours: every department's scorecard (recorded analysis) | ${seconds(scorecardMs)} | target < 60 s |`);
    console.log(`| ours: the same, again (warm) | ${seconds(warmMs)} | |`);
    console.log(
      `| baseline: the analysis first (the graph moved), then the scorecards | ${seconds(analysisMs + scorecardMs)} | analysis ${seconds(analysisMs)} |`,
    );
    console.log(
      `| ours: the hotline figures alone, aggregated in Neo4j | ${seconds(aggregatedMs)} | ${aggregated.length} rows (department × month) |\n` +
        `| baseline: the same streamed per complaint and counted in Node | ${seconds(naiveMs)} | ${naive.length} rows |`,
    );
    const best = cards.departments[0]!;
    const worst = cards.departments.at(-1)!;
    console.log(
      `\nbest ${best.name} ${best.total}, worst ${worst.name} ${worst.total}; first-route connection counted both ways for ${firstTaken.size} departments`,
    );
  } finally {
    await graph.close();
  }
}

await main();
