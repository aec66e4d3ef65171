import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishProposal, runAnalysis } from '../../src/analysis/run-analysis.js';
import { listMatters } from '../../src/catalog/catalog.js';
import { induceMattersInGraph, matterDecisions } from '../../src/catalog/induced-matters.js';
import type { Database } from '../../src/db/database.js';
import { loadDispatchSnapshot } from '../../src/dispatch/load-snapshot.js';
import { exportBundle } from '../../src/ingest/export-bundle.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import type { AppError } from '../../src/errors.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { writeBundle } from '../helpers/bundle-dir.js';
import { connectTestDatabase, resetGraph } from '../helpers/neo4j.js';
import { expectTalliesExact } from '../helpers/tallies.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Lists as a city publishes them: no matter tags. Environment and housing both punish night
// construction noise; commerce and market supervision both police prepaid cards; the rest is
// each department's own. Ten departments, so that a word in three of them is already common.
const NAMES: Record<string, string> = {
  hb: '生态环境局',
  zj: '住房和城乡建设局',
  sw: '商务局',
  sj: '市场监督管理局',
  jt: '交通运输局',
  rs: '人力资源和社会保障局',
  ny: '农业农村局',
  wl: '文化和旅游局',
  lc: '林业局',
  yj: '应急管理局',
};
const ITEMS: [string, string, string][] = [
  ['hb-1', 'hb', '对建筑施工单位在噪声敏感建筑物集中区域夜间施工产生环境噪声污染的处罚'],
  ['hb-2', 'hb', '对排放水污染物超过标准的处罚'],
  ['zj-1', 'zj', '对建筑施工企业在噪声敏感建筑物集中区域夜间施工产生噪声污染的处罚'],
  ['zj-2', 'zj', '对建筑施工企业未取得施工许可证擅自施工的处罚'],
  ['sw-1', 'sw', '对发卡企业未按规定办理单用途商业预付卡备案的处罚'],
  ['sj-1', 'sj', '对发卡企业发行单用途商业预付卡未按规定退款的处罚'],
  ['sj-2', 'sj', '对生产销售不合格产品的处罚'],
  ['jt-1', 'jt', '对出租汽车驾驶员不按规定使用计价器的处罚'],
  ['rs-1', 'rs', '对用人单位拖欠劳动者工资的处罚'],
  ['ny-1', 'ny', '对农药经营者未按规定建立经营台账的处罚'],
  ['wl-1', 'wl', '对旅行社未与旅游者签订旅游合同的处罚'],
  ['lc-1', 'lc', '对非法采伐林木的处罚'],
  ['yj-1', 'yj', '对生产经营单位未建立事故隐患排查治理制度的处罚'],
];
const lists = (items = ITEMS) => ({
  'regions.json': [{ code: '370700', name: '青州市', level: 'city' }],
  'departments.json': Object.entries(NAMES).map(([id, name]) => ({ id, name: `青州市${name}`, region: '370700' })),
  'powerItems.json': items.map(([code, department, name]) => ({ code, name, type: 'penalty', department })),
});
const COMPLAINTS = [
  {
    id: 'c-1',
    text: '工地夜间施工噪声太大，睡不着觉',
    receivedAt: '2026-05-01T23:00:00+08:00',
    district: '370700',
    routes: [
      { department: 'hb', at: '2026-05-02T09:00:00+08:00', outcome: 'refused' },
      { department: 'zj', at: '2026-05-02T15:00:00+08:00', outcome: 'resolved' },
    ],
  },
  { id: 'c-2', text: '路灯坏了', receivedAt: '2026-05-01T20:00:00+08:00', district: '370700' },
];

const NOISE = 'hb-1,zj-1';
const CARDS = 'sj-1,sw-1';

/** Member codes of each live induced matter, as "a,b" -> matter id. */
async function membership(db: Database): Promise<Map<string, string>> {
  const rows = await db.runReadOnly(
    "MATCH (m:Matter {source: 'induced'})<-[:CONCERNS]-(p:PowerItem) WITH m, p ORDER BY p.code RETURN m.id, collect(p.code)",
    {},
    { timeoutMs: 10_000, rowCap: 1000, maxBytes: 1e6, check: () => undefined },
  );
  return new Map(rows.rows.map(([id, codes]) => [(codes as string[]).join(','), id as string]));
}

describe('induced matters on untagged lists', () => {
  let db: Database;
  let api: TestApi;
  beforeAll(async () => {
    db = await connectTestDatabase();
    await resetGraph(db);
    await importBundle(db, writeBundle({ ...lists(), 'complaints.json': COMPLAINTS }));
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.stop();
    await db.close();
  });

  it('are made by the import, link complaints by their words, and feed overlaps and proposals', async () => {
    const byMembers = await membership(db);
    expect(byMembers.get(NOISE)).toMatch(/^induced:.*噪声/);
    expect(byMembers.get(CARDS)).toBe('induced:预付卡');
    const noise = byMembers.get(NOISE)!;
    const [link] = (
      await db.runReadOnly(
        "MATCH (:Complaint {id: 'c-1'})-[:CONCERNS]->(m:Matter) RETURN m.id",
        {},
        { timeoutMs: 5000, rowCap: 10, maxBytes: 1e5, check: () => undefined },
      )
    ).rows;
    expect(link?.[0]).toBe(noise);

    const { report } = await runAnalysis(db);
    const overlap = report.findings.find((f) => f.kind === 'overlap' && f.matter?.id === noise);
    expect(overlap?.departments.map((d) => d.id).sort()).toEqual(['hb', 'zj']);
    expect(overlap?.complaints).toBe(1);
    expect(overlap?.evidence.some((e) => e.kind === 'similarity' && e.text.includes('系统从未标注事项的清单中归纳'))).toBe(true);
    expect(report.proposals.find((p) => p.matter.id === noise)?.lead.id).toBe('zj');
  });

  it('are the same after a rerun, and are not exported as if the city had published them', async () => {
    const before = await membership(db);
    const rerun = await induceMattersInGraph(db);
    // The same matters: no complaint needs reading again; a complaint imported later is read alone.
    expect(rerun).toMatchObject({ matters: before.size, deleted: 0, complaints: 0, linkedComplaints: 0 });
    const late = { id: 'c-3', text: '健身房关门了，预付卡里的钱退不了', receivedAt: '2026-05-03T10:00:00+08:00', district: '370700' };
    expect((await importBundle(db, writeBundle({ 'complaints.json': [late] }))).induced).toMatchObject({ complaints: 1, linkedComplaints: 1 });
    expect(await membership(db)).toEqual(before);
    await expectTalliesExact(db);

    const folder = mkdtempSync(join(tmpdir(), 'dg-export-'));
    await exportBundle(db, folder);
    expect(readFileSync(join(folder, 'matters.json'), 'utf8')).not.toContain('induced:');
    expect(readFileSync(join(folder, 'powerItems.json'), 'utf8')).not.toContain('induced:');
  });

  it('is confirmed when an analyst publishes a lead for it', async () => {
    const noise = (await membership(db)).get(NOISE)!;
    const { report } = await runAnalysis(db);
    await publishProposal(db, report, `proposal:370700:${noise}`, 'test editor');
    expect((await listMatters(db)).find((m) => m.id === noise)).toMatchObject({ confirmed: true });
  });

  it("keep analysts' decisions (rename, confirm, merge, split) across reruns and re-imports", async () => {
    const noise = (await membership(db)).get(NOISE)!;
    await matterDecisions.rename(db, 'induced:预付卡', '单用途商业预付卡');
    await matterDecisions.confirm(db, noise);
    // A re-import with a reworded member and a rerun leave both decisions as they were.
    const reworded = ITEMS.map(([code, d, name]): [string, string, string] => [code, d, code === 'zj-1' ? '对夜间建筑施工噪声扰民的处罚' : name]);
    const report = await importBundle(db, writeBundle(lists(reworded)));
    expect(report.counts.powerItems.updated).toBe(1);
    await induceMattersInGraph(db);
    const matters = new Map((await listMatters(db)).map((m) => [m.id, m]));
    expect(matters.get('induced:预付卡')).toMatchObject({ name: '单用途商业预付卡', confirmed: false, source: 'induced' });
    expect(matters.get(noise)).toMatchObject({ confirmed: true });
    expect((await membership(db)).get(NOISE)).toBe(noise);
    // Dispatch takes a confirmed induced matter as a matter, an undecided one not at all.
    const { snapshot } = await loadDispatchSnapshot(db);
    expect(snapshot.matters.map((m) => m.id)).toContain(noise);
    expect(snapshot.matters.map((m) => m.id)).not.toContain('induced:预付卡');

    // Merge the prepaid cards into the noise matter (a silly decision, but the analyst's): the
    // merged id is not induced again by a rerun.
    await matterDecisions.merge(db, noise, ['induced:预付卡']);
    await expectTalliesExact(db);
    await induceMattersInGraph(db);
    const merged = await membership(db);
    expect(merged.get('hb-1,sj-1,sw-1,zj-1')).toBe(noise);
    expect([...merged.values()]).not.toContain('induced:预付卡');

    // And split them out again under a name of the analyst's choosing.
    const { id } = await matterDecisions.split(db, noise, ['sj-1', 'sw-1'], '预付卡退费');
    expect(id).toBe('induced:预付卡退费');
    await induceMattersInGraph(db);
    const split = await membership(db);
    expect(split.get(NOISE)).toBe(noise);
    expect(split.get(CARDS)).toBe('induced:预付卡退费');
  });

  it('refuse decisions on what they cannot apply to, with a clear error and nothing written', async () => {
    const noise = (await membership(db)).get(NOISE)!;
    const error = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: AppError) => [e.code, e.message],
      );
    expect(await error(matterDecisions.rename(db, 'induced:无此事项', '名'))).toEqual(['NOT_FOUND', 'matter "induced:无此事项" does not exist']);
    expect((await error(matterDecisions.split(db, noise, ['jt-1'], '出租车')))?.[0]).toBe('BAD_USER_INPUT');
    expect((await error(matterDecisions.split(db, noise, ['hb-1', 'zj-1'], '全部')))?.[0]).toBe('BAD_USER_INPUT');
    expect((await error(matterDecisions.merge(db, noise, [noise])))?.[0]).toBe('BAD_USER_INPUT');
    expect((await error(matterDecisions.merge(db, noise, ['induced:预付卡'])))?.[0]).toBe('CONFLICT');
    expect((await error(matterDecisions.rename(db, noise, ' ')))?.[0]).toBe('BAD_USER_INPUT');
    expect((await membership(db)).get(NOISE)).toBe(noise);
  });

  it('are decided on through GraphQL by editors only', async () => {
    const noise = (await membership(db)).get(NOISE)!;
    const rename = 'mutation($id: ID!, $name: String!) { renameMatter(id: $id, name: $name) { id name source confirmed words } }';
    const denied = await api.execute(rename, { id: noise, name: '夜间施工噪声' }, 'analyst');
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await api.execute(rename, { id: noise, name: '夜间施工噪声' }, 'editor');
    expect(done.errors).toBeUndefined();
    expect(done.data?.renameMatter).toMatchObject({ id: noise, name: '夜间施工噪声', source: 'INDUCED', confirmed: true });
    const induce = await api.execute('mutation { induceMatters { matters deleted items complaints linkedComplaints } }', {}, 'editor');
    expect(induce.errors).toBeUndefined();
    expect(induce.data?.induceMatters.items).toBe(ITEMS.length);
    const imported = await api.execute('mutation { confirmMatter(id: "nope") { id } }', {}, 'editor');
    expect(imported.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("leave a city's own matter alone, even one imported under an induced id", async () => {
    const noise = (await membership(db)).get(NOISE)!;
    await importBundle(db, writeBundle({ 'matters.json': [{ id: noise, name: '城市自定事项' }] }));
    await induceMattersInGraph(db);
    expect((await listMatters(db)).find((m) => m.id === noise)).toMatchObject({ source: 'imported', name: '城市自定事项' });
  });
});
