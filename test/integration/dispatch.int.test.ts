import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { DispatchService } from '../../src/dispatch/dispatch-service.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { openDemoApi, type DemoApi, type TestApi } from '../helpers/api.js';
import { runCli } from '../helpers/cli.js';
import { testNeo4jEnv } from '../helpers/neo4j.js';

const NOISE = '晚上十一点多了，小区对面工地还在打桩，吵得孩子根本睡不着';

let db: Database;
let api: TestApi;
let dispatch: DispatchService;
let demo: DemoApi;

beforeAll(async () => {
  demo = await openDemoApi();
  ({ db, api } = demo);
  dispatch = api.dispatch;
});
afterAll(() => demo.close());

const execute = (query: string, variables: Record<string, unknown> = {}) => api.execute(query, variables);

const DISPATCH = `query ($text: String!, $district: String) {
  dispatch(text: $text, district: $district) {
    status lead { id name } cooperating { id } matter { id name } confidence via evidence { id text } candidates { id score } indexVersion
  }
}`;

describe('dispatch from the graph', () => {
  it('answers the noise case as its boundary item says, over GraphQL, with the index version', async () => {
    const { data, errors } = await execute(DISPATCH, { text: NOISE, district: '371100' });
    expect(errors).toBeUndefined();
    expect(data!.dispatch).toMatchObject({
      status: 'ASSIGNED',
      lead: { id: 'd-sthjj', name: '日照市生态环境局' },
      via: 'BOUNDARY_ITEM',
      matter: { id: 'm-construction-noise' },
      indexVersion: dispatch.info!.version,
    });
    expect(data!.dispatch.evidence[0].id).toBe('b-2021-noise-02');
    expect(data!.dispatch.candidates.length).toBeLessThanOrEqual(5);
  });

  it('gives BAD_USER_INPUT for empty text, over-long text and an unknown district; never crashes on odd text', async () => {
    for (const variables of [{ text: '  ' }, { text: '噪'.repeat(100_001) }, { text: NOISE, district: '999999' }]) {
      const { errors } = await execute(DISPATCH, variables);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    for (const text of ['😀😀😀', 'the street light outside my house is broken', '噪音'.repeat(50_000)]) {
      const { data, errors } = await execute(DISPATCH, { text, district: '371122' });
      expect(errors).toBeUndefined();
      expect(['ASSIGNED', 'UNASSIGNED']).toContain(data!.dispatch.status);
    }
  });

  it('follows a boundary item published or retired at once, with a new index version', async () => {
    const text = '我们老楼想加装电梯，一楼住户不同意，该找哪个部门协调';
    const before = await execute(DISPATCH, { text, district: '371100' });
    expect(before.data!.dispatch).toMatchObject({ lead: { id: 'd-zjj' }, via: 'BOUNDARY_ITEM' });

    const retired = await execute('mutation { retireBoundaryItem(id: "b-2021-lift-01") { id status revision } }');
    expect(retired.data!.retireBoundaryItem).toMatchObject({ status: 'retired' });
    const after = await execute(DISPATCH, { text, district: '371100' });
    expect(after.data!.dispatch.via).toBe('POWER_ITEM');
    expect(after.data!.dispatch.indexVersion).toBe(retired.data!.retireBoundaryItem.revision);
    expect(after.data!.dispatch.indexVersion).toBeGreaterThan(before.data!.dispatch.indexVersion);

    const again = await execute('mutation { retireBoundaryItem(id: "b-2021-lift-01") { id } }');
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const missing = await execute('mutation { publishBoundaryItem(id: "b-nope") { id } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    await execute('mutation { publishBoundaryItem(id: "b-2021-lift-01") { id } }');
    expect((await execute(DISPATCH, { text, district: '371100' })).data!.dispatch).toMatchObject({ lead: { id: 'd-zjj' }, via: 'BOUNDARY_ITEM' });
  });

  it('publishing the draft wage item makes it decide', async () => {
    const text = '在工地干了两个多月活，包工头一直拖欠工资不给';
    await execute('mutation { publishBoundaryItem(id: "b-draft-wage-01") { id } }');
    expect((await execute(DISPATCH, { text, district: '371100' })).data!.dispatch).toMatchObject({ lead: { id: 'd-rsj' }, via: 'BOUNDARY_ITEM' });
  });

  it('records routing feedback as ROUTED, validates it first, and learns from it on the next index', async () => {
    const ok = await execute(`mutation { recordRouting(complaint: "c-2021-0001", department: "d-cgj", outcome: REFUSED, reason: "职能不符") {
      complaint department { id name } seq outcome reason } }`);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordRouting).toMatchObject({ complaint: 'c-2021-0001', department: { id: 'd-cgj' }, outcome: 'REFUSED', reason: '职能不符' });
    expect(ok.data!.recordRouting.seq).toBeGreaterThan(1);

    const noReason = await execute('mutation { recordRouting(complaint: "c-2021-0001", department: "d-cgj", outcome: REFUSED) { seq } }');
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(noReason.errors?.[0]?.message).toContain('reason');
    const unknown = await execute('mutation { recordRouting(complaint: "c-nope", department: "d-cgj", outcome: RESOLVED) { seq } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const version = dispatch.info!.version;
    expect(await dispatch.checkForChanges()).toBe(true);
    expect(dispatch.info!.version).toBeGreaterThan(version);
  });

  it('rebuilds after an import changes the lists, and not when nothing changed', async () => {
    expect(await dispatch.checkForChanges()).toBe(false);
    const folder = mkdtempSync(join(tmpdir(), 'dg-dispatch-'));
    writeFileSync(join(folder, 'matters.json'), JSON.stringify([{ id: 'm-bikes-2', name: '共享电动车停放管理', keywords: ['共享电动车'] }]));
    await importBundle(db, folder);
    expect(await dispatch.checkForChanges()).toBe(true);
    expect((await execute(DISPATCH, { text: '共享电动车停放管理太乱了' })).data!.dispatch.matter).toEqual({ id: 'm-bikes-2', name: '共享电动车停放管理' });
    await importBundle(db, folder);
    expect(await dispatch.checkForChanges()).toBe(false);
  });
});

describe('POST /v1/dispatch', () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await api.listen());
  });
  afterAll(() => close());

  const post = (body: string, token = api.tokens.dispatcher) =>
    fetch(`${url}/v1/dispatch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });

  it("answers as GraphQL does, in the engine's own words", async () => {
    const response = await post(JSON.stringify({ text: NOISE, district: '371100' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'assigned', lead: { id: 'd-sthjj' }, via: 'boundary-item' });
  });

  it('answers bad requests with 400 and a code', async () => {
    for (const body of ['{"text": ', '{"district": "371100"}', JSON.stringify({ text: '' }), JSON.stringify({ text: '噪音', district: '000000' })]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      const { errors } = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await fetch(`${url}/v1/dispatch`, { headers: { authorization: `Bearer ${api.tokens.dispatcher}` } })).status).toBe(405);
  });

  it('needs a dispatcher token', async () => {
    const body = JSON.stringify({ text: NOISE });
    expect((await fetch(`${url}/v1/dispatch`, { method: 'POST', body })).status).toBe(401);
    expect((await post(body, 'dg_admin_forged')).status).toBe(401);
    expect((await post(body, api.tokens.viewer)).status).toBe(403);
    expect((await post(body, api.tokens.analyst)).status).toBe(200);
  });
});

describe('CLI', () => {
  const env = () => ({ ...process.env, ...testNeo4jEnv() });

  it('dispatches one text, and a JSONL file line by line with errors in place', async () => {
    const one = await runCli(['dispatch', '--json', '--district', '371100', NOISE], env());
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ status: 'assigned', lead: { id: 'd-sthjj' } });

    const folder = mkdtempSync(join(tmpdir(), 'dg-batch-'));
    const file = join(folder, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: NOISE, district: '371100' }),
        'not json',
        JSON.stringify({ id: 'b', text: '小区门口共享单车乱停乱放', district: '371122' }),
        JSON.stringify({ id: 'c', text: '噪音', district: '999999' }),
      ].join('\n'),
    );
    const batch = await runCli(['dispatch', '--file', file, '--json'], env());
    expect(batch.code).toBe(1);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', lead: { id: 'd-sthjj' }, indexVersion: expect.any(Number) });
    expect(lines[1]).toMatchObject({ id: null, line: 2, error: { code: 'BAD_USER_INPUT' } });
    expect(lines[2]).toMatchObject({ id: 'b', status: 'unassigned', lead: { id: 'd-rx' } });
    expect(lines[3]).toMatchObject({ id: 'c', error: { code: 'BAD_USER_INPUT' } });
    expect(batch.stderr).toContain('2 line(s) failed');

    const missing = await runCli(['dispatch', '--file', join(folder, 'nope.jsonl')], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });

  it('records feedback and changes boundary items', async () => {
    const refused = await runCli(['feedback', 'c-2021-0002', 'd-zjj', 'refused'], env());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('reason');
    const ok = await runCli(['feedback', 'c-2021-0002', 'd-zjj', 'refused', '--reason', '职能不符', '--json'], env());
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ complaint: 'c-2021-0002', department: 'd-zjj', outcome: 'refused' });

    const retire = await runCli(['boundary', 'retire', 'b-2021-old-01'], env());
    expect(retire.stdout).toContain('retired');
    const twice = await runCli(['boundary', 'retire', 'b-2021-old-01'], env());
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('CONFLICT');
  });
});
