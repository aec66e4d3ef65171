import { describe, expect, it } from 'vitest';
import { buildDispatchIndex } from '../../src/dispatch/build-index.js';
import { dispatch, firstTopic, misspeltAt } from '../../src/dispatch/dispatch.js';
import type { PastTicket } from '../../src/dispatch/history-model.js';
import type { DispatchSnapshot } from '../../src/dispatch/snapshot.js';
import { complaintFeatures, rankByText, TEXT_DEFAULTS } from '../../src/dispatch/by-text.js';
import { normalizeText, tokenizeNormalized } from '../../src/text/tokenize.js';

// A city whose lists are as cities publish them: item names and legal bases, no matter tags.
const department = (id: string, name: string, coordinator = false) => ({ id, name: `青州市${name}`, region: '370700', aliases: [], coordinator });
const item = (code: string, department: string, name: string, bases: string[] = []) => ({
  code,
  name,
  type: 'penalty' as const,
  department,
  matters: [],
  bases,
});

const UNTAGGED: DispatchSnapshot = {
  regions: [{ code: '370700', name: '青州市' }],
  departments: [
    department('jt', '交通运输局'),
    department('sj', '市场监督管理局'),
    department('zj', '住房和城乡建设局'),
    department('hb', '生态环境局'),
    department('rs', '人力资源和社会保障局'),
    department('rx', '12345政务服务便民热线', true),
  ],
  matters: [],
  powerItems: [
    item('jt-1', 'jt', '对出租汽车驾驶员不按规定使用计价器、违规收费的处罚', ['出租汽车经营服务管理规定']),
    item('jt-2', 'jt', '对公共汽车客运企业未按核准线路运营的处罚', ['城市公共汽车和电车客运管理规定']),
    item('jt-3', 'jt', '道路旅客运输经营许可'),
    item('sj-1', 'sj', '对销售不符合食品安全标准的食品的处罚', ['中华人民共和国食品安全法']),
    item('sj-2', 'sj', '对发行单用途商业预付卡未按规定办理备案的处罚', ['单用途商业预付卡管理办法（试行）']),
    item('zj-1', 'zj', '对物业服务企业未履行物业服务合同约定义务的处罚', ['物业管理条例']),
    item('zj-2', 'zj', '商品房预售许可'),
    item('hb-1', 'hb', '对建筑施工单位在噪声敏感建筑物集中区域夜间施工的处罚', ['中华人民共和国噪声污染防治法']),
    item('hb-2', 'hb', '对餐饮服务单位油烟超标排放的处罚', ['中华人民共和国大气污染防治法']),
    item('rs-1', 'rs', '对用人单位克扣或者无故拖欠劳动者工资的处罚', ['劳动保障监察条例']),
    item('rs-2', 'rs', '社会保险登记'),
  ],
  tasks: [],
  boundaryItems: [],
};

const ticket = (id: string, text: string, takenBy: string | undefined, refusedBy: string[] = []): PastTicket => ({ id, text, takenBy, refusedBy });

describe('dispatch on untagged lists', () => {
  const index = buildDispatchIndex(UNTAGGED);

  it('names the department whose items read like the complaint, with those items as evidence', () => {
    const cases: [string, string, string][] = [
      ['出租汽车司机不打表，下车多收了二十块钱', 'jt', 'jt-1'],
      ['物业公司不履行合同，小区垃圾没人清', 'zj', 'zj-1'],
      ['公司拖欠我三个月工资不发', 'rs', 'rs-1'],
      ['超市卖过期食品', 'sj', 'sj-1'],
    ];
    for (const [text, lead, evidence] of cases) {
      const answer = dispatch(index, text, '370700');
      expect(answer, text).toMatchObject({ status: 'assigned', lead: { id: lead }, via: 'power-item', matter: null });
      expect(
        answer.evidence.map((e) => e.id),
        text,
      ).toContain(evidence);
      expect(answer.confidence).toBeGreaterThan(0.2);
    }
  });

  it('reads a short form a citizen says as the lists’ long word (社保 for 社会保险)', () => {
    const answer = dispatch(index, '社保断缴了三个月，怎么补', '370700');
    expect(answer).toMatchObject({ status: 'assigned', lead: { id: 'rs' } });
    expect(answer.evidence.map((e) => e.id)).toContain('rs-2');
  });

  it('leaves chatter and texts the lists know nothing of unassigned, with the coordinator', () => {
    for (const text of ['你好，我想咨询一下', '上次反映的事情怎么样了，希望尽快解决', '谢谢你们']) {
      expect(dispatch(index, text, '370700'), text).toMatchObject({ status: 'unassigned', lead: { id: 'rx' }, via: 'coordinator' });
    }
  });

  it('lets history change an answer, says so, and shows the past complaints that decided', () => {
    const text = '小区广场舞音响每天晚上放到十点';
    const history = buildDispatchIndex({
      ...UNTAGGED,
      tickets: [
        ticket('t1', '广场舞音响声音太大，晚上吵得睡不着', 'zj'),
        ticket('t2', '小区里跳广场舞的音响扰民', 'zj'),
        ticket('t3', '每天晚上广场舞放音乐到很晚', 'zj'),
        ticket('t4', '楼下餐馆油烟熏人', 'hb'),
      ],
    });
    expect(dispatch(index, text, '370700').lead?.id).not.toBe('zj');
    const answer = dispatch(history, text, '370700');
    expect(answer).toMatchObject({ status: 'assigned', lead: { id: 'zj' }, via: 'history' });
    expect(answer.evidence.some((e) => e.id.startsWith('ticket:t'))).toBe(true);
  });

  it('counts refused and returned routes against a department', () => {
    const text = '工地晚上施工噪音很大';
    const score = (tickets: PastTicket[]) =>
      dispatch(buildDispatchIndex({ ...UNTAGGED, tickets }), text, '370700').candidates.find((c) => c.id === 'hb')?.score ?? 0;
    const taken = [ticket('t1', '工地半夜施工太吵', 'hb'), ticket('t2', '夜间施工噪声扰民', 'hb')];
    const refused = [ticket('t3', '工地晚上施工噪音扰民', 'zj', ['hb']), ticket('t4', '晚上工地施工吵', 'zj', ['hb'])];
    expect(score([...taken, ...refused])).toBeLessThan(score(taken));
  });

  it('still lets a published boundary item decide before the lists and history', () => {
    const withBoundary = buildDispatchIndex({
      ...UNTAGGED,
      matters: [{ id: 'm-night-works', name: '夜间施工噪声', keywords: ['夜间施工', '施工噪音'] }],
      boundaryItems: [
        {
          id: 'b-1',
          title: '夜间施工噪声由住房和城乡建设局牵头',
          status: 'published',
          scope: 'department',
          lead: 'zj',
          cooperating: ['hb'],
          matters: ['m-night-works'],
        },
      ],
      tickets: [ticket('t1', '工地夜间施工噪音太大', 'hb'), ticket('t2', '夜间施工噪音扰民', 'hb')],
    });
    expect(dispatch(withBoundary, '工地夜间施工噪音吵得睡不着', '370700')).toMatchObject({
      status: 'assigned',
      lead: { id: 'zj' },
      cooperating: [{ id: 'hb' }],
      via: 'boundary-item',
      evidence: [{ id: 'b-1' }],
    });
  });

  it('answers a call with a second topic on its first', () => {
    const answer = dispatch(index, '出租汽车司机不打表，多收了钱。另外，超市卖过期食品', '370700');
    expect(answer).toMatchObject({ status: 'assigned', lead: { id: 'jt' } });
    expect(firstTopic('出租汽车司机不打表。另外，超市卖过期食品')).toBe('出租汽车司机不打表');
    expect(firstTopic('另外，超市卖过期食品')).toBeUndefined();
  });

  it('does not let past tickets sharing one word name a department for a call with no subject', () => {
    const history = buildDispatchIndex({
      ...UNTAGGED,
      tickets: [ticket('t1', '小区改造工程进度太慢', 'zj'), ticket('t2', '道路改造工程进度太慢了', 'zj')],
    });
    expect(dispatch(history, '请帮我查一下进度', '370700')).toMatchObject({ status: 'unassigned', via: 'coordinator' });
  });
});

describe('the lists’ size as a prior', () => {
  // Two departments hold the same item; one holds eight more on other subjects.
  const others = [
    '道路旅客运输经营许可',
    '出租汽车经营许可',
    '公共汽车线路审批',
    '机动车维修经营备案',
    '驾驶员培训机构备案',
    '港口经营许可',
    '航道施工许可',
    '公路超限运输许可',
  ];
  const snapshot: DispatchSnapshot = {
    ...UNTAGGED,
    departments: [department('big', '交通运输局'), department('small', '城市管理局'), department('rx', '12345政务服务便民热线', true)],
    powerItems: [
      item('big-0', 'big', '对擅自占用道路摆摊设点经营的处罚'),
      ...others.map((name, i) => item(`big-${i + 1}`, 'big', name)),
      item('small-0', 'small', '对擅自占用道路摆摊设点经营的处罚'),
    ],
  };
  const probabilities = (sizePrior: number) => {
    const index = buildDispatchIndex(snapshot);
    const normalized = normalizeText('路边有人占用道路摆摊');
    const options = { ...TEXT_DEFAULTS, sizePrior };
    const features = complaintFeatures(index, normalized, tokenizeNormalized(normalized), options);
    const { ranked } = rankByText(index, features, ['370700'], options);
    return new Map(ranked.map((r) => [r.department, r.probability]));
  };

  it('scales each department’s odds by (its entries)^sizePrior, and no more: the focused list still leads on its own item', () => {
    const flat = probabilities(0);
    const prior = probabilities(0.5);
    // Each has its items and its own name as entries: 10 and 2.
    expect(prior.get('big')! / prior.get('small')!).toBeCloseTo((flat.get('big')! / flat.get('small')!) * Math.sqrt(10 / 2), 6);
    expect(prior.get('small')).toBeGreaterThan(prior.get('big')!);
  });
});

describe('history on tagged lists', () => {
  // One matter held by two departments alike: the structure can only guess between them.
  const fees = {
    ...UNTAGGED,
    departments: [...UNTAGGED.departments, department('wj', '卫生健康委员会')],
    matters: [{ id: 'm-fees', name: '乱收费', keywords: ['乱收费'] }],
    powerItems: [
      { ...item('sj-9', 'sj', '对经营者不执行政府定价乱收费的处罚'), matters: ['m-fees'] },
      { ...item('wj-9', 'wj', '对医疗机构违规收费的处罚'), matters: ['m-fees'] },
    ],
    tickets: ['东湖路诊所乱收费', '社区诊所乱收费，看个感冒三百块', '这家诊所乱收费没人管'].map((text, i) => ticket(`t${i}`, text, 'wj')),
  };

  it('overrules a guess of the structure when past complaints like this one went elsewhere, and says so', () => {
    const answer = dispatch(buildDispatchIndex(fees), '小区门口的诊所乱收费', '370700');
    expect(answer).toMatchObject({ status: 'assigned', lead: { id: 'wj' }, via: 'history', matter: { id: 'm-fees' } });
    expect(answer.evidence.some((e) => e.id.startsWith('ticket:t'))).toBe(true);
  });

  it('never overrules a boundary item', () => {
    const withBoundary = buildDispatchIndex({
      ...fees,
      boundaryItems: [
        { id: 'b-fees', title: '乱收费由市场监督管理局牵头', status: 'published', scope: 'department', lead: 'sj', cooperating: [], matters: ['m-fees'] },
      ],
    });
    expect(dispatch(withBoundary, '小区门口的诊所乱收费', '370700')).toMatchObject({ lead: { id: 'sj' }, via: 'boundary-item' });
  });
});

describe('keywords typed with a slip', () => {
  it('are found with two neighbours swapped or one character left out, not when said right', () => {
    expect(misspeltAt('营业执照', '没有营执业照', 2)).toBe(true);
    expect(misspeltAt('营业执照', '没有营业照', 2)).toBe(true);
    expect(misspeltAt('营业执照', '没有营业执照', 2)).toBe(false);
    expect(misspeltAt('营业执照', '没有营业', 2)).toBe(false);
    expect(misspeltAt('社保', '交保社', 1)).toBe(true);
    expect(misspeltAt('社保', '交社会', 1)).toBe(false);
  });
});
