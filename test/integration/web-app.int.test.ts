import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type Sigma from 'sigma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApolloServer } from '../../src/api/apollo.js';
import { createContext } from '../../src/api/context.js';
import { projectPath, projectRoot } from '../../src/project-root.js';
import { openDemoApi, type DemoApi } from '../helpers/api.js';
import { findChromium } from '../helpers/find-chromium.js';

// Without Chromium these tests are skipped; the global set-up prints one line saying so.
const chromiumPath = findChromium();
/** Screenshots of each page, for a person to look at (kept out of git with .data/). */
const SCREENSHOTS = projectPath('.data', 'screenshots');

let demo: DemoApi;
let url: string;
let close: () => Promise<void>;
let browser: Browser | undefined;

beforeAll(async () => {
  // The app is built with the server (npm run build); build its files here too, as sources run under tsx.
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  demo = await openDemoApi();
  ({ url, close } = await demo.api.listen());
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (chromiumPath) {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      // WebGL (the boundary map) without a GPU: Chromium's software renderer, which it no longer picks by itself.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await close();
  await demo.close();
});

/** Clicks where sigma.js drew a department on the boundary map, as a person would. */
async function clickDepartmentOnMap(page: Page, id: string): Promise<void> {
  const canvas = page.locator('.map-canvas');
  // The map keeps its sigma instance on the element; the department's place on screen comes from sigma.
  const position = () =>
    canvas.evaluate((element, node) => {
      const sigma = (element as unknown as { sigma?: Sigma }).sigma;
      if (!sigma) return null;
      const { x, y } = sigma.getGraph().getNodeAttributes(node) as { x: number; y: number };
      return sigma.graphToViewport({ x, y });
    }, id);
  await expect.poll(position).not.toBeNull();
  const point = (await position())!;
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** A fresh tab on a laptop screen, signed in with `token`. */
async function signedIn(token: string, path = '/'): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${url}${path}`);
  await page.getByLabel('访问令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

describe('the web app', () => {
  it('is served at / with its script and a policy that lets it load nothing from elsewhere', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="app">');
    expect((await fetch(`${url}/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${url}/app.js/../../package.json`)).status).toBe(404);
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
  });

  it("answers the explorer's introspection also as deployed (NODE_ENV=production, where Apollo would refuse it)", async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const apollo = createApolloServer();
    process.env.NODE_ENV = saved;
    const response = await apollo.executeOperation(
      { query: '{ __schema { queryType { fields { name } } } }' },
      { contextValue: createContext(demo.api.services, { role: 'viewer', actor: 'test viewer' }) },
    );
    await apollo.stop();
    expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeFalsy();
  });

  it.skipIf(!chromiumPath)('asks for a token, then shows a viewer the overview of the demo city and no dispatch console', async () => {
    const page = await signedIn(demo.api.tokens.viewer);
    await page.getByText('12345诉求与推诿（按月）').waitFor();
    const departments = page.locator('.card', { hasText: '部门' }).first().locator('.value');
    expect(Number(await departments.textContent())).toBeGreaterThan(10);
    // The construction-noise case: March 2021 bounced more than a fifth of its complaints.
    expect(await page.locator('td', { hasText: '2021-03' }).count()).toBe(1);
    expect(await page.locator('span.bad').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: '派单台' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview.png') });
    await page.close();
  });

  it.skipIf(!chromiumPath)('answers the construction-noise text in the dispatch console with 日照市生态环境局 and its boundary item', async () => {
    const page = await signedIn(demo.api.tokens.dispatcher, '/#/dispatch?district=371100');
    await page.getByLabel('诉求内容').fill('晚上十一点多了，小区对面工地还在打桩，吵得孩子根本睡不着');
    await page.getByRole('button', { name: '派单' }).click();
    await expect.poll(() => page.getByTestId('lead').textContent()).toBe('日照市生态环境局');
    expect(await page.getByText('b-2021-noise-02').count()).toBeGreaterThan(0);
    expect(await page.getByText('依据：职责边界清单').count()).toBe(1);
    expect(page.url()).toContain('district=371100');
    await page.screenshot({ path: join(SCREENSHOTS, 'dispatch.png') });
    await page.close();
  });

  it.skipIf(!chromiumPath)('narrows the findings by region, then department and kind, with the filters in the URL', async () => {
    const page = await signedIn(demo.api.tokens.viewer, '/#/findings');
    await page.getByText(/^共 \d+ 个问题$/).waitFor();
    const all = Number((await page.getByText(/^共 \d+ 个问题$/).textContent())!.match(/\d+/)![0]);
    await page.getByLabel('问题类型').selectOption('OVERLAP');
    await expect.poll(() => page.url()).toContain('kind=OVERLAP');
    await page.getByText(/^共 \d+ 个问题$/).waitFor();
    const overlaps = Number((await page.getByText(/^共 \d+ 个问题$/).textContent())!.match(/\d+/)![0]);
    expect(overlaps).toBeGreaterThan(0);
    expect(overlaps).toBeLessThan(all);
    await page.getByLabel('地区').selectOption('371100');
    await expect.poll(() => page.url()).toContain('region=371100');
    // The department list follows the region: only the city's departments.
    const departments = () => page.getByLabel('部门').locator('option').allTextContents();
    await expect.poll(async () => (await departments()).some((d) => d.startsWith('莒县'))).toBe(false);
    expect(await departments()).toContain('日照市生态环境局');
    await page.screenshot({ path: join(SCREENSHOTS, 'findings.png') });
    await page.close();
  });

  it.skipIf(!chromiumPath)('compares sections by workload and posts for the year in the URL', async () => {
    const page = await signedIn(demo.api.tokens.viewer, '/#/staffing?year=2020');
    await page.getByRole('heading', { name: '内设机构' }).waitFor();
    expect(await page.locator('td', { hasText: '市场准入科' }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('年度').inputValue()).toBe('2020');
    await page.screenshot({ path: join(SCREENSHOTS, 'staffing.png') });
    await page.close();
  });

  it.skipIf(!chromiumPath)('offers engineers an offline GraphQL explorer where /graphql used to load an online sandbox', async () => {
    const redirect = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/#/graphql');
    const page = await signedIn(demo.api.tokens.analyst, '/#/graphql');
    await page.locator('code', { hasText: 'dispatch' }).first().waitFor();
    expect(await page.getByText('查询字段').count()).toBe(1);
    await page.getByLabel('查询').fill('{ regions { name } }');
    await page.getByRole('button', { name: '执行' }).click();
    await expect.poll(() => page.getByLabel('结果').textContent()).toContain('日照市');
    await page.screenshot({ path: join(SCREENSHOTS, 'graphql.png') });
    await page.close();
  });

  it.skipIf(!chromiumPath)('draws the boundary map; a click on a department, then on one of its joins, shows the evidence behind it', async () => {
    const page = await signedIn(demo.api.tokens.viewer, '/#/map');
    await page.getByText(/职责交叉、尚无边界事项的部门（\d+）/).waitFor();
    expect(Number(await page.locator('.map-canvas').getAttribute('data-nodes'))).toBeGreaterThan(10);
    await page.screenshot({ path: join(SCREENSHOTS, 'map.png') });
    await clickDepartmentOnMap(page, 'd-spj');
    await expect.poll(() => page.getByTestId('selected').textContent()).toBe('日照市行政审批服务局');
    expect(page.url()).toContain('node=d-spj');
    await page.getByRole('button', { name: '查看 日照市行政审批服务局 与 日照市市场监督管理局' }).click();
    await expect.poll(() => page.getByTestId('selected').textContent()).toContain('日照市市场监督管理局');
    await page.getByText('职责交叉，尚无边界事项').waitFor();
    expect(await page.getByText('共有事项：企业登记注册').count()).toBe(1);
    expect(await page.getByText('日照市企业登记注册职责边界（建议稿）').count()).toBe(1);
    // A viewer reads the proposal but is offered no editor's button.
    expect(await page.getByRole('button', { name: '发布为边界事项' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-pair.png') });
    await page.close();
  });

  it.skipIf(!chromiumPath)("shows one department's items, sections, boundary items, findings and, to an analyst, its hotline months", async () => {
    const page = await signedIn(demo.api.tokens.analyst, '/#/department?id=d-sthjj');
    await page.getByRole('heading', { name: '职责边界清单' }).waitFor();
    expect(await page.locator('td', { hasText: '建筑施工噪声的监管' }).count()).toBe(1);
    expect(await page.locator('td', { hasText: '推诿流转热点' }).count()).toBeGreaterThan(0);
    // The hotline year defaults to the region's latest complaints (2021 in the demo).
    await page.getByRole('columnheader', { name: '按时办结率' }).waitFor();
    expect(await page.getByLabel('诉求年度').inputValue()).toBe('2021');
    await page.screenshot({ path: join(SCREENSHOTS, 'department.png'), fullPage: true });
    await page.close();
  });

  it.skipIf(!chromiumPath)('previews a transfer and suggests post moves for an analyst, who is offered no button to apply them', async () => {
    const page = await signedIn(demo.api.tokens.analyst, '/#/staffing?year=2020');
    await page.getByRole('heading', { name: '职责划转预演' }).waitFor();
    expect(await page.getByRole('button', { name: '执行划转' }).count()).toBe(0);
    const [item] = (await demo.api.execute('{ department(id: "d-spj") { powerItems { code } } }')).data!.department.powerItems;
    await page.getByLabel('权责事项编码').fill(item.code);
    await page.getByLabel('划入部门').selectOption('d-scjgj');
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText(/^预览：/).waitFor();
    await page.getByRole('button', { name: '生成建议' }).click();
    await page.getByText(/^调剂后偏紧/).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'staffing-tools.png') });
    await page.close();
  });

  it.skipIf(!chromiumPath)('shows the live scorecards, forms and ledger of a year to an analyst, and nothing published to a viewer', async () => {
    const standard = JSON.parse(readFileSync(projectPath('seed', 'fixtures', 'evaluation', 'standard-2021.json'), 'utf8')) as unknown;
    const imported = await demo.api.execute('mutation($s: JSON!) { importEvaluationStandard(standard: $s) { year } }', { s: standard }, 'editor');
    expect(imported.errors).toBeUndefined();
    const year = imported.data!.importEvaluationStandard.year as number;
    const page = await signedIn(demo.api.tokens.analyst, `/#/evaluation?year=${year}`);
    await page.getByRole('heading', { name: /^评分（\d+ 个部门）$/ }).waitFor();
    expect(await page.getByRole('cell', { name: '日照市生态环境局', exact: true }).count()).toBe(1);
    expect(await page.getByText('未发布（实时）').count()).toBe(1);
    expect(await page.getByRole('heading', { name: '整改台账' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '发布评估结果' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'evaluation.png') });
    const viewer = await signedIn(demo.api.tokens.viewer, `/#/evaluation?year=${year}`);
    await viewer.getByText(`${year} 年没有已发布的评估结果。`).waitFor();
    await viewer.close();
    await page.close();
  });

  it.skipIf(!chromiumPath)('says a wrong token is wrong, in Chinese, and stays on the sign-in', async () => {
    const page = await signedIn('dg_viewer_not-a-token');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('访问令牌无效');
    expect(await page.getByLabel('访问令牌').count()).toBe(1);
    await page.close();
  });

  it.skipIf(!chromiumPath)('lets an editor send chosen findings to the rectification ledger', async () => {
    const page = await signedIn(demo.api.tokens.editor, '/#/findings?kind=OVERLAP&region=371100');
    await page.getByText(/^共 \d+ 个问题$/).waitFor();
    await page.getByLabel('选择 overlap:371100:m-enterprise-registration').check();
    await page.getByLabel('整改期限').fill('2027-03-31');
    await page.getByLabel('责任人').fill('编办监督科');
    await page.getByRole('button', { name: '送台账' }).click();
    await page.getByText(/^已送台账 \d+ 项/).waitFor();
    const year = new Date().getFullYear();
    const ledger = await demo.api.execute(`{ ledger(year: ${year}) { sourceRef owner } }`);
    expect(ledger.data!.ledger).toContainEqual({ sourceRef: 'overlap:371100:m-enterprise-registration', owner: '编办监督科' });
    await page.close();
  });

  // Last: it changes the demo's graph.
  it.skipIf(!chromiumPath)('lets an editor publish a proposal from the map, and the map changes', async () => {
    const page = await signedIn(demo.api.tokens.editor, '/#/map?a=d-spj&b=d-scjgj');
    await page.getByText('职责交叉，尚无边界事项').waitFor();
    const contested = async () => Number((await page.getByText(/职责交叉、尚无边界事项的部门（\d+）/).textContent())!.match(/\d+/)![0]);
    await page.getByRole('button', { name: '发布为边界事项' }).click();
    await page.getByText('无未解决的职责交叉').waitFor();
    expect(await page.getByText('没有建议的边界事项').count()).toBe(1);
    const published = await demo.api.execute('{ boundaryItems(status: "published") { id lead { id } } }');
    expect(published.data!.boundaryItems).toContainEqual({ id: 'bp-371100-m-enterprise-registration', lead: { id: 'd-scjgj' } });
    await page.screenshot({ path: join(SCREENSHOTS, 'map-published.png') });
    // Back to the whole map: one contested join fewer than the demo's four.
    await page.goto(`${url}/#/map`);
    await expect.poll(contested).toBe(3);
    await page.close();
  });
});
