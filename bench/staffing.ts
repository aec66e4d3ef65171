/**
 * bench:staffing — WISN suggestions for every section of generated data (S=10 by default):
 * the snapshot read, the workloads, and the reallocation plan inside departments and across the
 * whole province, beside a baseline measured in the same run: the same greedy plan choosing
 * each move by comparing every donor-receiver pair (timed for a few moves, per move). Also
 * checks the brief's transfer case planted by the generator.
 *
 *   npm run bench:staffing [-- --scale 10 --seed 1 --moves 1000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { STAFFING_DEFAULTS } from '../src/staffing/config.js';
import { readStaffingSnapshot } from '../src/staffing/load-snapshot.js';
import { suggestReallocations } from '../src/staffing/suggest.js';
import { planTransfer } from '../src/staffing/transfer.js';
import { latestYear, sectionWorkloads, type SectionWorkload } from '../src/staffing/workload.js';
import { generatedCity, openCityGraph } from './generated-city.js';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' }, moves: { type: 'string', default: '1000' } },
});
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const time = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};

/** The naive way to pick a move: try every donor-receiver pair. Returns ms per move over `moves` moves. */
function allPairsGreedy(workloads: SectionWorkload[], moves: number): number {
  const states = workloads.filter((w) => w.required > 0 && w.missingVolumes.length === 0).map((w) => ({ w, posts: w.posts }));
  const d = (s: { w: SectionWorkload; posts: number }, delta: number) => Math.abs((s.posts + delta) / s.w.required - 1);
  const started = performance.now();
  for (let m = 0; m < moves; m++) {
    let best = 0;
    let pair: [number, number] | undefined;
    for (let i = 0; i < states.length; i++) {
      if (states[i]!.posts <= 1) continue;
      for (let j = 0; j < states.length; j++) {
        if (i === j) continue;
        const gain = d(states[i]!, 0) + d(states[j]!, 0) - d(states[i]!, -1) - d(states[j]!, 1);
        if (gain > best) [best, pair] = [gain, [i, j]];
      }
    }
    if (!pair) break;
    states[pair[0]]!.posts--;
    states[pair[1]]!.posts++;
  }
  return (performance.now() - started) / moves;
}

async function main(): Promise<void> {
  const city = generatedCity(values.scale!, values.seed!);
  const graph = await openCityGraph(city, (line) => process.stderr.write(line + '\n'));
  try {
    // Read twice: the first after Neo4j's start (cold page cache), the second as a running server pays it.
    const coldStarted = performance.now();
    await readStaffingSnapshot(graph.db);
    const coldMs = performance.now() - coldStarted;
    const started = performance.now();
    const snapshot = await readStaffingSnapshot(graph.db);
    const readMs = performance.now() - started;
    const year = latestYear(snapshot);
    const [workloads, workloadMs] = time(() => sectionWorkloads(snapshot, year, STAFFING_DEFAULTS));
    const maxMoves = Number(values.moves);
    const [inside, insideMs] = time(() => suggestReallocations(workloads, { acrossDepartments: false, maxMoves, minPosts: 1 }));
    const [across, acrossMs] = time(() => suggestReallocations(workloads, { acrossDepartments: true, maxMoves, minPosts: 1 }));
    const baselinePerMove = allPairsGreedy(workloads, 3);
    const truth = JSON.parse(readFileSync(join(city, 'truth.json'), 'utf8')) as {
      cities: { cases: { foreignInvestment: { item: string; to: string; postsToMove: number } } }[];
    };
    const cases = truth.cities.map((c) => c.cases.foreignInvestment);
    const right = cases.filter((c) => planTransfer(snapshot, workloads, c.item, c.to).posts === c.postsToMove).length;

    console.log(
      `\nbench:staffing  scale ${values.scale}, seed ${values.seed}, year ${year}: ${fmt(workloads.length)} sections, ${fmt(snapshot.items.length)} power items, ${fmt(snapshot.volumes.length)} volumes\n`,
    );
    console.log('| stage | time |');
    console.log('| --- | ---: |');
    console.log(`| read the snapshot, cold (first read after Neo4j started) | ${fmt(coldMs / 1000, 2)} s |`);
    console.log(`| read the snapshot, warm | ${fmt(readMs / 1000, 2)} s |`);
    console.log(`| workloads and ratios | ${fmt(workloadMs / 1000, 2)} s |`);
    console.log(
      `| suggestions inside departments (${inside.moves.length} moves; mean abs(ratio − 1) ${inside.before.meanDistance} → ${inside.after.meanDistance}) | ${fmt(insideMs / 1000, 2)} s |`,
    );
    console.log(
      `| suggestions across the ${values.scale === '10' ? 'province' : 'city'} (${across.moves.length} moves; ${across.before.meanDistance} → ${across.after.meanDistance}) | ${fmt(acrossMs / 1000, 2)} s |`,
    );
    console.log(`| **cold read + workloads + both plans** | **${fmt((coldMs + workloadMs + insideMs + acrossMs) / 1000, 1)} s** (target < 30 s) |`);
    console.log(`\n| per move, across the whole ${values.scale === '10' ? 'province' : 'city'} | ms |`);
    console.log('| --- | ---: |');
    console.log(`| ours: most slack and shortest section of each group | ${fmt(acrossMs / Math.max(1, across.moves.length), 2)} |`);
    console.log(`| baseline: every donor-receiver pair (3 moves timed) | ${fmt(baselinePerMove, 1)} |`);
    console.log(
      `\nthe brief's transfer case (1/3 of a 4-post section): ${right} of ${cases.length} planted cases move the planted ${cases[0]?.postsToMove} post`,
    );
  } finally {
    await graph.close();
  }
}

await main();
