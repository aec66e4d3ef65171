/**
 * bench:analyze — the full boundary analysis on generated data, city (S=1) and province (S=10):
 * wall time per stage (each Cypher read, the pure stages: similarity, Louvain, proposals…), peak
 * RSS of Node and of the Neo4j process, and the S=10 / S=1 time ratio. Baseline, in the same
 * run: comparing all pairs of power items of the largest region for latent overlaps, against
 * the MinHash LSH the analysis uses on the same items.
 *
 *   npm run bench:analyze [-- --scales 1,10 --seed 1]
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { findLatentOverlaps, itemWords, LATENT_THRESHOLD, weightedJaccard } from '../src/analysis/latent-overlaps.js';
import { loadAnalysisSnapshot } from '../src/analysis/load-snapshot.js';
import { Lookup } from '../src/analysis/lookup.js';
import { analyze, type StageTimes } from '../src/analysis/analyze.js';
import type { AnalysisSnapshot } from '../src/analysis/snapshot.js';
import { generatedCity, openCityGraph } from './generated-city.js';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,10' }, seed: { type: 'string', default: '1' } } });
const log = (line: string) => process.stderr.write(line + '\n');
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Peak resident memory of a process, from /proc (Linux): VmHWM. */
function peakRssMb(pid: number | 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

interface Run {
  scale: string;
  queries: Record<string, number>;
  loadMs: number;
  stages: StageTimes;
  totalMs: number;
  findings: number;
  proposals: number;
  nodeRss: number;
  dbRss: number;
  baseline: { region: string; items: number; allPairsMs: number; pairs: number; lshMs: number; found: number; foundAllPairs: number };
}

/** Latent overlaps of the largest region by comparing every pair (the baseline) and by the analysis's LSH. */
function similarityBaseline(snapshot: AnalysisSnapshot): Run['baseline'] {
  const lookup = new Lookup(snapshot);
  const byRegion = new Map<string, AnalysisSnapshot['powerItems']>();
  for (const item of snapshot.powerItems) {
    const region = lookup.regionOf(item.department) ?? '';
    byRegion.set(region, [...(byRegion.get(region) ?? []), item]);
  }
  const [region, items] = [...byRegion].sort((a, b) => b[1].length - a[1].length)[0]!;
  const started = performance.now();
  const { words, idf } = itemWords(items, (name) => lookup.wordsOf(name));
  let pairs = 0;
  const departments = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i]!, items[j]!];
      if (a.department === b.department) continue;
      pairs++;
      if (a.matters.some((m) => b.matters.includes(m))) continue;
      if (weightedJaccard(words.get(a.code)!, words.get(b.code)!, idf) >= LATENT_THRESHOLD) departments.add([a.department, b.department].sort().join('|'));
    }
  }
  const allPairsMs = performance.now() - started;
  const one = { ...snapshot, powerItems: items };
  const lshStarted = performance.now();
  const found = findLatentOverlaps(one, new Lookup(one)).length;
  return { region, items: items.length, allPairsMs, pairs, lshMs: performance.now() - lshStarted, found, foundAllPairs: departments.size };
}

async function runScale(scale: string): Promise<Run> {
  const city = generatedCity(scale, values.seed!);
  const graph = await openCityGraph(city, log);
  try {
    const queries: Record<string, number> = {};
    const started = performance.now();
    const snapshot = await loadAnalysisSnapshot(graph.db, (name, ms) => (queries[name] = ms));
    const loadMs = performance.now() - started;
    const { report, times } = analyze(snapshot);
    const totalMs = performance.now() - started;
    const run = {
      scale, queries, loadMs, stages: times, totalMs, findings: report.findings.length, proposals: report.proposals.length,
      nodeRss: peakRssMb('self'), dbRss: peakRssMb(graph.pid), baseline: similarityBaseline(snapshot),
    };
    log(`scale ${scale}: ${fmt(totalMs / 1000, 1)} s`);
    return run;
  } finally {
    await graph.close();
  }
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  for (const scale of values.scales!.split(',')) runs.push(await runScale(scale.trim()));
  console.log(`\nbench:analyze  seed ${values.seed}; ${cpus().length} cores; Neo4j heap 2 GB, page cache 1 GB\n`);
  console.log(`| stage | ${runs.map((r) => `S=${r.scale}`).join(' | ')} |`);
  console.log(`| --- | ${runs.map(() => '---:').join(' | ')} |`);
  for (const name of Object.keys(runs[0]!.queries)) console.log(`| Cypher: ${name} | ${runs.map((r) => `${fmt(r.queries[name]! / 1000, 2)} s`).join(' | ')} |`);
  console.log(`| snapshot load (all Cypher reads) | ${runs.map((r) => `${fmt(r.loadMs / 1000, 1)} s`).join(' | ')} |`);
  for (const stage of Object.keys(runs[0]!.stages) as (keyof StageTimes)[]) console.log(`| ${stage} | ${runs.map((r) => `${fmt(r.stages[stage] / 1000, 2)} s`).join(' | ')} |`);
  console.log(`| **full analysis** | ${runs.map((r) => `**${fmt(r.totalMs / 1000, 1)} s**`).join(' | ')} |`);
  console.log(`| findings / proposals | ${runs.map((r) => `${fmt(r.findings)} / ${fmt(r.proposals)}`).join(' | ')} |`);
  console.log(`| peak RSS, Node | ${runs.map((r) => `${fmt(r.nodeRss)} MB`).join(' | ')} |`);
  console.log(`| peak RSS, Neo4j | ${runs.map((r) => `${fmt(r.dbRss)} MB`).join(' | ')} |`);
  if (runs.length > 1) console.log(`\nS=${runs.at(-1)!.scale} / S=${runs[0]!.scale} time ratio: ${fmt(runs.at(-1)!.totalMs / runs[0]!.totalMs, 1)} (target ≤ 12)`);
  console.log('\n| latent-overlap similarity, largest region | items | pairs compared | time | department pairs found |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    const b = r.baseline;
    console.log(`| S=${r.scale} baseline: all pairs (${b.region}) | ${fmt(b.items)} | ${fmt(b.pairs)} | ${fmt(b.allPairsMs / 1000, 2)} s | ${b.foundAllPairs} |`);
    console.log(`| S=${r.scale} ours: MinHash LSH (${b.region}) | ${fmt(b.items)} | candidates only | ${fmt(b.lshMs / 1000, 2)} s | ${b.found} |`);
  }
}

await main();
