/**
 * bench:api — a dashboard's query mix against `dutygraph serve` (as the Dockerfile runs it) on
 * the generated city, 32 connections for 60 s: req/s, p50/p99, errors; in the same run the
 * trivial query `{ __typename }` as the baseline; and the server's RSS before and after the load
 * (the target: no errors, memory growth under 20%).
 *
 *   npm run bench:api [-- --scale 1 --seconds 60 --connections 32]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { generatedCity, openCityGraph } from './generated-city.js';
import { startBuiltServer, type BenchServer } from './serve.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '32' },
  },
});
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** What a dashboard asks, in turn. */
const MIX = [
  '{ dashboard(region: "880100") { totals { departments sections tasks powerItems boundaryItems complaints satisfaction resolvedShare } powerItemsByType { type count } } }',
  '{ dashboard { complaintsByMonth { month complaints bounceRate } complaintsByMatter { matter { id name } complaints bounceRate } } }',
  '{ departments(region: "880100") { id name sections { id name posts } } }',
  '{ powerItems(filter: { region: "880100", type: PENALTY }, first: 20) { edges { node { code name department { id name } } } pageInfo { hasNextPage endCursor } } }',
  '{ complaints(filter: { matter: "gen-m-construction-noise", bounced: true }, first: 20) { edges { node { id receivedAt routes { department { name } outcome } } } } }',
  '{ analysis { summary { kind count } } }',
  '{ matters { id name parent { id } } regions { code name } }',
];

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function load(url: string, token: string, bodies: string[], seconds: number) {
  let next = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: Number(values.connections),
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  if (result.errors + result.non2xx > 0) process.stderr.write(`errors: ${result.errors}, status codes: ${JSON.stringify(result.statusCodeStats)}\n`);
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}

async function main(): Promise<void> {
  const city = generatedCity(values.scale!, values.seed!);
  const graph = await openCityGraph(city, (line) => process.stderr.write(line + '\n'));
  let server: BenchServer | undefined;
  try {
    server = await startBuiltServer(graph.neo4jEnv);
    const token = server.tokens.viewer;
    const bodies = MIX.map((query) => JSON.stringify({ query }));
    // Warm-up: each query once (fills the analysis and dashboard caches), then 5 s of the mix (JIT, Neo4j's page cache).
    for (const body of bodies)
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    await load(server.url, token, bodies, 5);
    const rssBefore = rssMb(server.pid);
    const mix = await load(server.url, token, bodies, Number(values.seconds));
    const rssAfter = rssMb(server.pid);
    const trivial = await load(server.url, token, [JSON.stringify({ query: '{ __typename }' })], 10);
    console.log(
      `\nbench:api  scale ${values.scale}; ${values.connections} connections; a dashboard mix of ${MIX.length} queries for ${values.seconds} s; the server as the Dockerfile runs it\n`,
    );
    console.log('| load | req/s | p50 | p99 | errors / non-2xx | requests |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(`| dashboard mix | ${fmt(mix.perSecond)} | ${mix.p50} ms | ${mix.p99} ms | ${mix.errors} | ${fmt(mix.total)} |`);
    console.log(
      `| baseline: \`{ __typename }\` (10 s) | ${fmt(trivial.perSecond)} | ${trivial.p50} ms | ${trivial.p99} ms | ${trivial.errors} | ${fmt(trivial.total)} |`,
    );
    console.log('\ntarget for the mix (issue 17): at least 1,000 req/s with p99 under 100 ms at 32 connections, S=1 (round 1: 127 req/s, p99 500 ms)');
    console.log(
      `\nserver RSS: ${fmt(rssBefore)} MB before the mix, ${fmt(rssAfter)} MB after ${values.seconds} s of it (${fmt((100 * (rssAfter - rssBefore)) / rssBefore, 1)}%; target: under 20% growth, no errors)`,
    );
  } finally {
    await server?.stop();
    await graph.close();
  }
}

await main();
