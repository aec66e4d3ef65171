import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/run-analysis.js';
import type { Database } from '../../src/db/database.js';
import { openDemoApi, type DemoApi, type TestApi } from '../helpers/api.js';
import { findChromium } from '../helpers/find-chromium.js';
import { runCli } from '../helpers/cli.js';
import { testNeo4jEnv } from '../helpers/neo4j.js';

// Without Chromium the browser test is skipped; the global set-up prints one line saying so.
const chromiumPath = findChromium();

let db: Database;
let api: TestApi;
let demo: DemoApi;

beforeAll(async () => {
  demo = await openDemoApi();
  ({ db, api } = demo);
});
afterAll(() => demo.close());

describe('the brief’s three cases on the demo data', () => {
  it('the construction-noise bounce yields a proposal with Ecology and Environment as lead', async () => {
    const { report } = await runAnalysis(db);
    expect(report.findings.find((f) => f.id === 'bounce-hotspot:371100:m-construction-noise')).toBeDefined();
    expect(report.proposals.find((p) => p.id === 'proposal:371100:m-construction-noise')).toMatchObject({ lead: { id: 'd-sthjj', name: '日照市生态环境局' } });
  });

  it('housing transactions and real-estate registration: one community, an overlap', async () => {
    const { report } = await runAnalysis(db);
    const overlap = report.findings.find((f) => f.id === 'overlap:371100:m-housing-transaction');
    expect(overlap?.departments.map((d) => d.id)).toEqual(['d-zjj', 'd-zrzyj']);
    const community = report.communities.find((c) => c.departments.some((d) => d.id === 'd-zjj'));
    expect(community?.departments.map((d) => d.id)).toContain('d-zrzyj');
    expect(community?.closePairs.some((p) => [p.a.id, p.b.id].sort().join() === 'd-zjj,d-zrzyj')).toBe(true);
  });

  it('a published boundary item removes its overlap, and dispatch follows it at once (GraphQL)', async () => {
    const published = await api.execute('mutation { publishProposal(id: "proposal:371100:m-housing-transaction") { id status revision } }');
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishProposal).toMatchObject({ id: 'bp-371100-m-housing-transaction', status: 'published' });
    const overlaps = (result: Awaited<ReturnType<typeof api.execute>>) => result.data!.analysis.findings.edges.map((e: { node: { id: string } }) => e.node.id);
    // At once: the previous analysis, marked stale, while the new one is being made.
    const meanwhile = await api.execute('{ analysis { revision stale findings(kind: OVERLAP) { edges { node { id } } } } }');
    expect(meanwhile.data!.analysis).toMatchObject({ stale: true });
    expect(meanwhile.data!.analysis.revision).toBeLessThan(published.data!.publishProposal.revision);
    expect(overlaps(meanwhile)).toContain('overlap:371100:m-housing-transaction');
    const after = await api.execute('{ analysis(fresh: true) { revision stale findings(kind: OVERLAP) { edges { node { id } } } } }');
    expect(after.data!.analysis).toMatchObject({ stale: false, revision: published.data!.publishProposal.revision });
    expect(overlaps(after)).not.toContain('overlap:371100:m-housing-transaction');
    const answer = api.dispatch.dispatch('二手房过户要先去交易窗口再去登记窗口，来回跑了好几趟', '371100');
    expect(answer).toMatchObject({ via: 'boundary-item', evidence: [{ id: 'bp-371100-m-housing-transaction' }] });
    const again = await api.execute('mutation { publishProposal(id: "proposal:371100:m-housing-transaction") { id } }');
    expect(again.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|CONFLICT/);
  });
});

describe('GraphQL analysis', () => {
  it('filters findings by kind, region, department and matter, page by page', async () => {
    const query = `query ($after: String) { analysis { generatedAt summary { kind count }
      findings(region: "371100", department: "d-cgj", first: 2, after: $after) { totalCount edges { cursor node { id kind departments { id } evidence { kind id text } } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await api.execute(query);
    expect(first.errors).toBeUndefined();
    const page = first.data!.analysis.findings;
    expect(page.edges).toHaveLength(2);
    for (const edge of page.edges) expect(edge.node.departments.map((d: { id: string }) => d.id)).toContain('d-cgj');
    const second = await api.execute(query, { after: page.pageInfo.endCursor });
    expect(second.data!.analysis.findings.edges[0].node.id).not.toBe(page.edges[0].node.id);
    const bad = await api.execute('{ analysis { findings(after: "bm9wZQ==") { totalCount } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("draws a region's boundary map within its limits and tells what lies behind a join; refuses unknown departments and wild limits", async () => {
    const county = await api.execute('{ analysis { departmentMap(region: "371122") { totalNodes nodes { id region x y } edges { a b } } } }', {}, 'viewer');
    expect(county.errors).toBeUndefined();
    const map = county.data!.analysis.departmentMap;
    expect(map.nodes.length).toBeGreaterThan(1);
    for (const node of map.nodes) expect(node.region).toBe('371122');
    const pair = await api.execute(
      '{ analysis { departmentPair(a: "d-cgj", b: "d-gaj") { contested sharedMatters { name } findings { kind } } } }',
      {},
      'viewer',
    );
    expect(pair.data!.analysis.departmentPair).toMatchObject({ contested: true, sharedMatters: [{ name: '社会生活噪声' }] });
    const unknown = await api.execute('{ analysis { departmentPair(a: "d-cgj", b: "d-none") { contested } } }', {}, 'viewer');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wild = await api.execute('{ analysis { departmentMap(maxNodes: 1000000) { totalNodes } } }', {}, 'viewer');
    expect(wild.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A layout is made per region the city has, never per string a caller makes up.
    const nowhere = await api.execute('{ analysis { departmentMap(region: "999999") { totalNodes } } }', {}, 'viewer');
    expect(nowhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const pairs = await api.execute('{ analysis { refusalPairs(first: 3) { refuser { id } next { id } complaints } } }', {}, 'viewer');
    expect(pairs.data!.analysis.refusalPairs.length).toBeGreaterThan(0);
  });
});

describe('dutygraph analyze', () => {
  const env = () => ({ ...process.env, ...testNeo4jEnv() });

  it('writes JSON with the documented shape', async () => {
    const result = await runCli(['analyze', '--json'], env());
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['generatedAt', 'findings', 'proposals', 'communities']));
    expect(report.findings[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        kind: expect.any(String),
        departments: expect.any(Array),
        items: expect.any(Array),
        complaints: expect.any(Number),
        severity: expect.any(Number),
        evidence: expect.any(Array),
      }),
    );
  });

  it.skipIf(!chromiumPath)('writes an HTML report that headless Chromium shows with its summary table and the department graph', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dg-report-')), 'report.html');
    const result = await runCli(['analyze', '--format', 'html', '--out', out], env());
    expect(result.code).toBe(0);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(out).href);
      expect(await page.locator('#summary-by-kind table').isVisible()).toBe(true);
      expect(await page.locator('#summary-by-kind td', { hasText: '职责交叉' }).count()).toBe(1);
      const graph = page.locator('svg#department-graph');
      expect(await graph.isVisible()).toBe(true);
      const box = await graph.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(await graph.locator('circle').count()).toBeGreaterThan(5);
      expect(await graph.locator('line[stroke="#d62728"]').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
