import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await close();
  await demo.close();
});

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

  it.skipIf(!chromiumPath)('says a wrong token is wrong, in Chinese, and stays on the sign-in', async () => {
    const page = await signedIn('dg_viewer_not-a-token');
    await page
      .getByRole('alert')
      .or(page.getByText('登录', { exact: true }))
      .first()
      .waitFor();
    expect(await page.getByLabel('访问令牌').count()).toBe(1);
    await page.close();
  });
});
