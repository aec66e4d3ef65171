/// <reference lib="dom" />
/**
 * bench:web — the web app in headless Chromium against `dutygraph serve` (as deployed) on the
 * generated city: each page's first meaningful paint (navigation start to the page's figures,
 * table or drawing on screen) with a warm server, and the dispatch console's answer time from
 * pressing the button to the department on screen (p95). Beside them, in the same run: the app's
 * shell with no data (the sign-in form, the floor any page pays), the overview's first paint
 * right after a change of the graph (what a caller paid when figures were made per request), and
 * the same dispatch as a bare fetch from the page (the console's own cost on top). The run leaves
 * one matter of its own in the cached city (m-bench-web, held by nobody) and a 2021-style standard.
 *
 *   npm run bench:web [-- --scale 1 --runs 5 --dispatches 60]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../test/helpers/find-chromium.js';
import { projectPath } from '../src/project-root.js';
import { generatedCity, openCityGraph } from './generated-city.js';
import { startBuiltServer } from './serve.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    dispatches: { type: 'string', default: '60' },
  },
});
const RUNS = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (n: number) => `${Math.round(n)} ms`;

/** Milliseconds from the navigation's start until `ready` holds, in a fresh tab signed in with `token`. */
async function firstPaint(browser: Browser, url: string, token: string, ready: (page: Page) => Promise<unknown>): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript((value) => sessionStorage.setItem('dutygraph.token', value), token);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  // An error shown instead of the page ends the benchmark with its text.
  const alert = page.getByRole('alert').first();
  const failure = alert.waitFor({ timeout: 120_000 }).then(
    async () => `${url}: ${await alert.textContent()}`,
    () => null,
  );
  const shown = await Promise.race([ready(page).then(() => null), failure]);
  if (shown) throw new Error(shown);
  // One frame later the content is painted; performance.now() counts from the navigation's start.
  const elapsed = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  await context.close();
  return elapsed;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('bench:web needs Chromium (README, Prerequisites)');
  const city = generatedCity(values.scale!, values.seed!);
  const graph = await openCityGraph(city, (line) => process.stderr.write(line + '\n'));
  const server = await startBuiltServer(graph.neo4jEnv);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const token = server.tokens.admin;
    const ask = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors[0]!.message);
      return body.data!;
    };
    // The evaluation page needs a standard: the example one, for the city's latest year.
    const { dashboard } = await ask<{ dashboard: { complaintsByMonth: { month: string }[] } }>('{ dashboard { complaintsByMonth { month } } }');
    const year = Number(dashboard.complaintsByMonth.at(-1)!.month.slice(0, 4));
    const standard = JSON.parse(readFileSync(projectPath('seed', 'fixtures', 'evaluation', 'standard-2021.json'), 'utf8')) as Record<string, unknown>;
    await ask('mutation($s: JSON!) { importEvaluationStandard(standard: $s) { id } }', { s: { ...standard, year } }).catch((error: Error) => {
      if (!/published/.test(error.message)) throw error;
    });
    const { departments } = await ask<{ departments: { id: string }[] }>('{ departments { id } }');
    const department = departments[0]!.id;
    const text = (page: Page, pattern: RegExp | string) => page.getByText(pattern).first().waitFor({ timeout: 120_000 });
    const pages: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
      { name: '总览 overview', path: '/#/overview', ready: (p) => text(p, '12345诉求与推诿（按月）') },
      {
        name: '边界图 map',
        path: '/#/map',
        ready: (p) =>
          p.waitForFunction(() => (document.querySelector('.map-canvas') as unknown as { sigma?: unknown } | null)?.sigma !== undefined, null, {
            timeout: 120_000,
          }),
      },
      { name: '发现 findings', path: '/#/findings', ready: (p) => text(p, /^共 \d+ 个问题$/) },
      { name: '部门 department', path: `/#/department?id=${department}`, ready: (p) => text(p, '职责边界清单') },
      { name: '编制 staffing', path: '/#/staffing', ready: (p) => p.getByRole('heading', { name: '内设机构' }).waitFor({ timeout: 120_000 }) },
      { name: '评估 evaluation', path: `/#/evaluation?year=${year}`, ready: (p) => text(p, /^评分（\d+ 个部门）$/) },
      { name: '派单台 dispatch', path: '/#/dispatch', ready: (p) => p.getByLabel('诉求内容').waitFor() },
      { name: '接口调试 explorer', path: '/#/graphql', ready: (p) => p.locator('code', { hasText: 'dispatch' }).first().waitFor({ timeout: 120_000 }) },
    ];
    // Warm: every page once (the figures of this revision are made, Chromium's caches filled).
    const warmUp: Record<string, number> = {};
    for (const p of pages) warmUp[p.name] = await firstPaint(browser, server.url + p.path, token, p.ready);
    const rows: [string, number[]][] = [];
    for (const p of pages) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) times.push(await firstPaint(browser, server.url + p.path, token, p.ready));
      rows.push([p.name, times]);
    }
    const shell: number[] = [];
    for (let run = 0; run < RUNS; run++) shell.push(await firstPaint(browser, server.url + '/', '', (p) => p.getByLabel('访问令牌').waitFor()));
    // A change of the graph (one matter of its own, renamed each time: the revision moves, the
    // figures are made again), then the overview once.
    const afterChange: number[] = [];
    for (let run = 0; run < Math.min(RUNS, 3); run++) {
      await ask('mutation($r: [JSON!]!) { upsertRecords(kind: MATTERS, records: $r) { mode } }', {
        r: [{ id: 'm-bench-web', name: `网页基准测试事项${Date.now()}`, keywords: [] }],
      });
      afterChange.push(await firstPaint(browser, server.url + '/#/overview', token, pages[0]!.ready));
    }

    // The dispatch console: complaints of the city, one after another, button to answer on screen.
    const { complaints } = await ask<{ complaints: { edges: { node: { text: string } }[] } }>(
      'query($n: Int) { complaints(first: $n) { edges { node { text } } } }',
      {
        n: Number(values.dispatches),
      },
    );
    const texts = complaints.edges.map((e) => e.node.text);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript((value) => sessionStorage.setItem('dutygraph.token', value), token);
    const page = await context.newPage();
    await page.goto(`${server.url}/#/dispatch`);
    await page.getByLabel('诉求内容').waitFor();
    await page.evaluate(() => document.addEventListener('click', () => ((window as unknown as { pressedAt: number }).pressedAt = performance.now()), true));
    const consoleTimes: number[] = [];
    for (const [i, complaint] of texts.entries()) {
      await page.getByLabel('诉求内容').fill(complaint);
      // From the press of the button (the page's own click event) to the answer painted: the
      // answer panel counts its answers, so the i+1-th on screen is the end.
      await page.getByRole('button', { name: '派单' }).click();
      await page.waitForFunction((n) => document.querySelector('.answer')?.getAttribute('data-asked') === String(n), i + 1);
      const [started, ended] = await page.evaluate(
        () =>
          new Promise<[number, number]>((resolve) =>
            requestAnimationFrame(() => resolve([(window as unknown as { pressedAt: number }).pressedAt, performance.now()])),
          ),
      );
      if (i > 0) consoleTimes.push(ended - started);
    }
    const bare = await page.evaluate(
      async ({ list, value }) => {
        const times: number[] = [];
        for (const complaint of list) {
          const started = performance.now();
          await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${value}` },
            body: JSON.stringify({ query: 'query($t: String!) { dispatch(text: $t) { status lead { name } } }', variables: { t: complaint } }),
          }).then((r) => r.json());
          times.push(performance.now() - started);
        }
        return times;
      },
      { list: texts, value: token },
    );
    await context.close();

    console.log(`\nbench:web  scale ${values.scale}; headless Chromium (software WebGL) at 1366×768; ${RUNS} runs a page after one warm-up\n`);
    console.log('| page | first meaningful paint, median | max | first visit (warm-up) | target |');
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const [name, times] of rows) console.log(`| ${name} | ${ms(median(times))} | ${ms(Math.max(...times))} | ${ms(warmUp[name]!)} | < 1 s |`);
    console.log(`| baseline: the app's shell, no data (sign-in form) | ${ms(median(shell))} | ${ms(Math.max(...shell))} | | |`);
    console.log(`| baseline: overview right after a change of the graph | ${ms(median(afterChange))} | ${ms(Math.max(...afterChange))} | | |`);
    console.log(`\n| dispatch console (${consoleTimes.length} complaints) | p50 | p95 | target |`);
    console.log('| --- | ---: | ---: | --- |');
    console.log(`| button to department on screen | ${ms(median(consoleTimes))} | ${ms(quantile(consoleTimes, 0.95))} | p95 < 100 ms |`);
    console.log(`| baseline: the same query as a bare fetch from the page | ${ms(median(bare))} | ${ms(quantile(bare, 0.95))} | |`);
  } finally {
    await browser.close();
    await server.stop();
    await graph.close();
  }
}

await main();
