import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { DispatchService } from '../../src/dispatch/dispatch-service.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { writeBundle } from '../helpers/bundle-dir.js';
import { connectTestDatabase, resetGraph } from '../helpers/neo4j.js';

// Lists as cities publish them (names and legal bases, no matter tags), then the hotline's
// history: dispatch answers from the lists first, and learns from the routes once they exist.
const departments = [
  ['jt', '交通运输局'],
  ['zj', '住房和城乡建设局'],
  ['hb', '生态环境局'],
  ['rx', '12345政务服务便民热线'],
].map(([id, name]) => ({ id, name: `青州市${name}`, region: '370700', ...(id === 'rx' ? { coordinator: true } : {}) }));
const item = (code: string, department: string, name: string, basis: string) => ({
  code,
  name,
  type: 'penalty',
  department,
  legalBasis: [{ id: `lb-${code}`, title: basis }],
});
const LISTS = {
  'regions.json': [{ code: '370700', name: '青州市', level: 'city' }],
  'departments.json': departments,
  'sections.json': departments.map((d) => ({ id: `${d.id}-s`, department: d.id, name: '综合科', posts: 5 })),
  'powerItems.json': [
    item('jt-1', 'jt', '对出租汽车驾驶员不按规定使用计价器、违规收费的处罚', '出租汽车经营服务管理规定'),
    item('zj-1', 'zj', '对物业服务企业未履行物业服务合同约定义务的处罚', '物业管理条例'),
    item('hb-1', 'hb', '对建筑施工单位在噪声敏感建筑物集中区域夜间施工的处罚', '中华人民共和国噪声污染防治法'),
  ],
};
const complaint = (id: string, text: string, routes: [string, string][]) => ({
  id,
  text,
  receivedAt: '2026-05-01T10:00:00+08:00',
  district: '370700',
  routes: routes.map(([department, outcome], i) => ({ department, at: `2026-05-0${i + 1}T12:00:00+08:00`, outcome })),
});

describe('dispatch on untagged lists, from the graph', () => {
  let db: Database;
  let service: DispatchService;
  beforeAll(async () => {
    db = await connectTestDatabase();
    await resetGraph(db);
    await importBundle(db, writeBundle(LISTS));
    service = new DispatchService(db, { pollMs: 0 });
    await service.start();
  });
  afterAll(async () => {
    service.stop();
    await db.close();
  });

  it('names a department from its items, with the items as evidence, and learns from routed complaints once imported', async () => {
    expect(service.dispatch('出租汽车司机不打表，多收了钱', '370700')).toMatchObject({
      status: 'assigned',
      lead: { id: 'jt' },
      via: 'power-item',
      evidence: [{ id: 'jt-1' }],
    });
    const text = '小区广场舞音响每天晚上放到十点';
    expect(service.dispatch(text, '370700').lead?.id).not.toBe('zj');

    // The hotline's history: the bureau of environment turned these away; housing took them.
    await importBundle(
      db,
      writeBundle({
        'complaints.json': [
          complaint('c1', '广场舞音响声音太大，晚上吵得睡不着', [
            ['hb', 'refused'],
            ['zj', 'resolved'],
          ]),
          complaint('c2', '小区里跳广场舞的音响扰民', [
            ['hb', 'returned'],
            ['zj', 'accepted'],
          ]),
          complaint('c3', '每天晚上广场舞放音乐到很晚', [['zj', 'resolved']]),
        ],
      }),
    );
    const info = await service.refresh();
    const answer = service.dispatch(text, '370700');
    expect(answer).toMatchObject({ status: 'assigned', lead: { id: 'zj' }, via: 'history', indexVersion: info.version });
    expect(answer.evidence.map((e) => e.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^ticket:c[123]$/)]));
  });
});
