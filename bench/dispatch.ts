/**
 * bench:dispatch — how fast dispatch answers, on the generated city (scale 1 by default):
 *  1. the index: the snapshot of the lists and routing tallies (target under 1 s, beside the
 *     routes counted from every complaint), the first build (target under 30 s), and a boundary
 *     item retired until the index answers without it (beside the list rebuild that follows);
 *  2. in process, one core: lookups/s and p50/p99 latency over generated complaint texts, beside
 *     the cost of segmenting the same texts alone (the floor any Chinese lookup pays).
 *     The same for the city with its matter tags taken away (every lookup then takes the text
 *     road, as for lists as cities publish them), on 5,000 of the texts: no target, a figure
 *     to watch;
 *  3. over HTTP against `dutygraph serve` in its own process, run as the Dockerfile runs it
 *     (built JavaScript, NODE_ENV=production), 32 connections (autocannon): the
 *     trivial GraphQL query `{ __typename }` as the baseline, the GraphQL dispatch query, and
 *     POST /v1/dispatch, each with req/s and p99. The three loads take turns, over several
 *     rounds, so that a slow minute of this shared machine falls on the baseline as often as on
 *     what it is compared with; each round's share is printed, and the share of the means.
 *
 *   npm run bench:dispatch [-- --scale 1 --seed 1 --lookups 50000 --seconds 10 --connections 32 --rounds 3]
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildDispatchIndex } from '../src/dispatch/build-index.js';
import { dispatch } from '../src/dispatch/dispatch.js';
import { DispatchService } from '../src/dispatch/dispatch-service.js';
import { loadDispatchSnapshot, loadListSnapshot } from '../src/dispatch/load-snapshot.js';
import { setBoundaryItemStatus } from '../src/catalog/boundary-status.js';
import { listBoundaryItems } from '../src/catalog/dashboard.js';
import type { Database } from '../src/db/database.js';
import { useQueries } from '../src/db/named-queries.js';
import type { DispatchSnapshot } from '../src/dispatch/snapshot.js';
import { loadLexicon } from '../src/dispatch/load-lexicon.js';
import { tokenize } from '../src/text/tokenize.js';
import { generatedCity, openCityGraph } from './generated-city.js';
import { startBuiltServer, type BenchServer } from './serve.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    lookups: { type: 'string', default: '50000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
  },
});
const log = (line: string) => process.stderr.write(line + '\n');
const ROUTES = useQueries(['dispatchRoutings', 'dispatchRoutingsBefore']);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Sample {
  text: string;
  district: string;
}

/** The snapshot as if the city's lists tagged no matters (and so no boundary item named one). */
function withoutMatters(snapshot: DispatchSnapshot): DispatchSnapshot {
  return {
    ...snapshot,
    matters: [],
    powerItems: snapshot.powerItems.map((p) => ({ ...p, matters: [] })),
    tasks: snapshot.tasks.map((t) => ({ ...t, matters: [] })),
    boundaryItems: snapshot.boundaryItems.map((b) => ({ ...b, matters: [] })),
    routings: [],
  };
}

function readSamples(bundle: string, count: number): Sample[] {
  const lines = readFileSync(join(bundle, 'complaints.ndjson'), 'utf8').split('\n', count);
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Sample)
    .map(({ text, district }) => ({ text, district }));
}

/** Times `work` on every sample, one at a time; returns ops/s and latency percentiles (µs). */
function timeEach(samples: Sample[], work: (s: Sample) => unknown): { perSecond: number; p50: number; p99: number } {
  const latencies = new Float64Array(samples.length);
  const started = performance.now();
  samples.forEach((sample, i) => {
    const t = performance.now();
    work(sample);
    latencies[i] = (performance.now() - t) * 1000;
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort();
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: samples.length / seconds, p50: at(0.5), p99: at(0.99) };
}

interface LoadResult {
  perSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Loads one endpoint with 32 connections as a dispatcher; bodies cycle through `bodies`. */
async function load(url: string, token: string, bodies: string[]): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return { perSecond: result.requests.average, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** The server's mean dispatch lookup time so far (µs), from its Prometheus histogram. */
async function meanLookupMicros(url: string, token: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const value = (name: string) => Number(new RegExp(`^dutygraph_dispatch_lookup_duration_seconds_${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
  return (1e6 * value('sum')) / value('count');
}

/**
 * What a change costs the index: the lists' snapshot read (with the routing tallies), and the
 * routing outcomes read from the tallies beside counted from every complaint as round 1 did; a
 * boundary item retired through the graph until refresh() answers without it (its decision
 * swapped in) beside the rebuild of the lists that follows for its words; then the item is
 * published again, leaving the city as it was.
 */
async function timeChanges(db: Database, service: DispatchService) {
  const time = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  await loadListSnapshot(db); // warm
  const listsMs = await time(() => loadListSnapshot(db));
  const talliesMs = await time(() => db.read(ROUTES.dispatchRoutings));
  const countedMs = await time(() => db.read(ROUTES.dispatchRoutingsBefore, { before: '9999-12-31T00:00:00Z' }, { timeoutMs: 600_000 }));
  const [item] = await listBoundaryItems(db, { status: 'published' });
  await setBoundaryItemStatus(db, item!.id, 'retired', 'bench');
  const swapMs = await time(() => service.refresh());
  const rebuildMs = await time(() => service.checkForChanges()); // the words of the retired item, rebuilt with the lists
  await setBoundaryItemStatus(db, item!.id, 'published', 'bench');
  await service.refresh();
  await service.checkForChanges();
  return { listsMs, talliesMs, countedMs, swapMs, rebuildMs };
}

async function main(): Promise<void> {
  const city = generatedCity(values.scale!, values.seed!);
  const samples = readSamples(join(city, 'bundle'), Number(values.lookups));
  const graph = await openCityGraph(city, log);
  let server: BenchServer | undefined;
  try {
    const service = new DispatchService(graph.db, { pollMs: 0, lexicon: loadLexicon(undefined) });
    const info = await service.start();
    const changes = await timeChanges(graph.db, service);
    // Warm up both paths (JIT, jieba's caches) before measuring.
    for (const s of samples.slice(0, 2000)) service.dispatch(s.text, s.district);
    const segmenting = timeEach(samples, (s) => tokenize(s.text));
    const lookups = timeEach(samples, (s) => service.dispatch(s.text, s.district));
    const untaggedIndex = buildDispatchIndex(withoutMatters((await loadDispatchSnapshot(graph.db)).snapshot), loadLexicon(undefined));
    const untaggedSamples = samples.slice(0, 5000);
    for (const s of untaggedSamples.slice(0, 500)) dispatch(untaggedIndex, s.text, s.district);
    const untagged = timeEach(untaggedSamples, (s) => dispatch(untaggedIndex, s.text, s.district));

    server = await startBuiltServer(graph.neo4jEnv);
    const token = server.tokens.dispatcher;
    const bodies = samples.slice(0, 5000);
    const query =
      'query ($text: String!, $district: String) { dispatch(text: $text, district: $district) { status lead { id name } matter { id } confidence via evidence { id } candidates { id score } indexVersion } }';
    const loads = {
      trivial: () => load(`${server!.url}/graphql`, token, [JSON.stringify({ query: '{ __typename }' })]),
      graphql: () =>
        load(
          `${server!.url}/graphql`,
          token,
          bodies.map((s) => JSON.stringify({ query, variables: s })),
        ),
      lean: () =>
        load(
          `${server!.url}/v1/dispatch`,
          token,
          bodies.map((s) => JSON.stringify(s)),
        ),
    };
    const rounds: Record<keyof typeof loads, LoadResult>[] = [];
    for (let r = 0; r < Number(values.rounds); r++) {
      rounds.push({ trivial: await loads.trivial(), graphql: await loads.graphql(), lean: await loads.lean() });
    }
    const lookupInServer = await meanLookupMicros(server.url, token);

    console.log(
      `\nbench:dispatch  scale ${values.scale}, seed ${values.seed}; ${cpus().length} cores; ${fmt(samples.length)} complaint texts from the generated city\n`,
    );
    console.log('| the index (S=' + values.scale + ') | ours | baseline (same run) | target |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| snapshot of the lists and routing tallies | ${fmt(changes.listsMs / 1000, 2)} s | | < 1 s |`);
    console.log(
      `| of which routing outcomes per matter and department | ${fmt(changes.talliesMs)} ms from the tallies | counted from every complaint: ${fmt(changes.countedMs / 1000, 2)} s | |`,
    );
    console.log(`| first build: read lists, tallies and the latest 100,000 complaints' texts | ${fmt(info.loadMs / 1000, 2)} s | | |`);
    console.log(`| first build: build the index (${info.matters} matters) and the text model | ${fmt(info.buildMs / 1000, 2)} s | | |`);
    console.log(`| first build, total | ${fmt((info.loadMs + info.buildMs) / 1000, 2)} s | | < 30 s |`);
    console.log(
      `| a boundary item retired: until the index answers without it | ${fmt(changes.swapMs)} ms | a rebuild of the lists: ${fmt(changes.rebuildMs / 1000, 2)} s | within 2 s on every replica |`,
    );
    console.log('\n| in process, one core | dispatch lookup | baseline: segmentation only | target |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| per second | ${fmt(lookups.perSecond)} | ${fmt(segmenting.perSecond)} | ≥ 20,000 |`);
    console.log(`| p50 | ${fmt(lookups.p50, 1)} µs | ${fmt(segmenting.p50, 1)} µs | |`);
    console.log(`| p99 | ${fmt(lookups.p99, 1)} µs | ${fmt(segmenting.p99, 1)} µs | < 1,000 µs |`);
    console.log(
      `| the same city without matter tags (text road): per second, p50, p99 | ${fmt(untagged.perSecond)}, ${fmt(untagged.p50, 1)} µs, ${fmt(untagged.p99, 1)} µs | | no target |`,
    );
    console.log(
      `\n| HTTP, ${values.connections} connections, ${values.seconds} s each, in turn | baseline: GraphQL \`{ __typename }\` req/s, p99 | GraphQL \`dispatch\` req/s, p99, share | POST /v1/dispatch req/s, p99, share | errors / non-2xx |`,
    );
    console.log('| --- | ---: | ---: | ---: | ---: |');
    const share = (r: { perSecond: number }, of: { perSecond: number }) => `${fmt((100 * r.perSecond) / of.perSecond)}%`;
    rounds.forEach(({ trivial, graphql, lean }, i) => {
      const failures = [trivial, graphql, lean].map((r) => `${r.errors} / ${r.non2xx}`).join(', ');
      console.log(
        `| round ${i + 1} | ${fmt(trivial.perSecond)}, ${trivial.p99} ms | ${fmt(graphql.perSecond)}, ${graphql.p99} ms, **${share(graphql, trivial)}** | ${fmt(lean.perSecond)}, ${lean.p99} ms, ${share(lean, trivial)} | ${failures} |`,
      );
    });
    const total = (key: keyof (typeof rounds)[number]) => ({
      perSecond: rounds.reduce((sum, r) => sum + r[key].perSecond, 0) / rounds.length,
      p99: Math.max(...rounds.map((r) => r[key].p99)),
    });
    const [trivial, graphql, lean] = [total('trivial'), total('graphql'), total('lean')];
    console.log(
      `| all rounds: mean req/s, worst p99 | ${fmt(trivial.perSecond)}, ${trivial.p99} ms | ${fmt(graphql.perSecond)}, ${graphql.p99} ms, **${share(graphql, trivial)}** | ${fmt(lean.perSecond)}, ${lean.p99} ms, ${share(lean, trivial)} | |`,
    );
    console.log(
      `\nthe lookup inside the server during the GraphQL load (its /metrics): ${fmt(lookupInServer, 1)} µs on average, beside ${fmt(lookups.p50, 1)} µs (p50) in a loop in process: between requests its tables leave the CPU's caches`,
    );
    console.log(
      '\ntargets over HTTP: GraphQL `dispatch` at least 60% of the baseline req/s with p99 < 25 ms (issue 17); POST /v1/dispatch at least 50%, p99 < 25 ms',
    );
  } finally {
    await server?.stop();
    await graph.close();
  }
}

await main();
