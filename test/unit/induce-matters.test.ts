import { describe, expect, it } from 'vitest';
import { induceMatters, matterOfText, type InductionItem } from '../../src/analysis/induce-matters.js';
import { nouns, tokenize } from '../../src/text/tokenize.js';

// An untagged city: ten departments' items as lists word them. Two subjects are shared across
// departments (噪声 by environment and housing; 预付卡 by commerce and market supervision); the
// liability boilerplate (直接负责的主管人员) is in many departments' lists and is no subject.
const LISTS: [string, string, string][] = [
  ['hb-1', 'hb', '对建筑施工单位在噪声敏感建筑物集中区域夜间施工产生环境噪声污染的处罚'],
  ['hb-2', 'hb', '对排放水污染物超过标准的处罚'],
  ['hb-3', 'hb', '对单位直接负责的主管人员和其他直接责任人员的处罚（排污）'],
  ['zj-1', 'zj', '对建筑施工企业在噪声敏感建筑物集中区域夜间施工产生噪声污染的处罚'],
  ['zj-2', 'zj', '对建筑施工企业未取得施工许可证擅自施工的处罚'],
  ['zj-3', 'zj', '对单位直接负责的主管人员和其他直接责任人员的处罚（建筑）'],
  ['sw-1', 'sw', '对发卡企业未按规定办理单用途商业预付卡备案的处罚'],
  ['sw-2', 'sw', '对报废机动车回收企业的监督检查'],
  ['sw-3', 'sw', '对单位直接负责的主管人员和其他直接责任人员的处罚（商贸）'],
  ['sj-1', 'sj', '对发卡企业发行单用途商业预付卡未按规定退款的处罚'],
  ['sj-2', 'sj', '对生产销售不合格产品的处罚'],
  ['sj-3', 'sj', '对单位直接负责的主管人员和其他直接责任人员的处罚（市场）'],
  ['jt-1', 'jt', '对出租汽车驾驶员不按规定使用计价器的处罚'],
  ['jt-2', 'jt', '对单位直接负责的主管人员和其他直接责任人员的处罚（交通）'],
  ['rs-1', 'rs', '对用人单位拖欠劳动者工资的处罚'],
  ['ny-1', 'ny', '对农药经营者未按规定建立经营台账的处罚'],
  ['wl-1', 'wl', '对旅行社未与旅游者签订旅游合同的处罚'],
  ['lc-1', 'lc', '对非法采伐林木的处罚'],
  ['yj-1', 'yj', '对生产经营单位未建立事故隐患排查治理制度的处罚'],
];

const items = (rows = LISTS): InductionItem[] =>
  rows.map(([id, department, name]) => ({ id, department, region: '370700', nouns: nouns(name), terms: tokenize(name) }));

describe('induced matters', () => {
  it('groups items of different departments on one subject, and names the matter by its words', () => {
    const matters = induceMatters(items());
    const byMembers = new Map(matters.map((m) => [m.members.join(','), m]));
    expect(byMembers.get('hb-1,zj-1')?.words).toEqual(expect.arrayContaining(['噪声']));
    expect(byMembers.get('sj-1,sw-1')?.name).toBe('预付卡');
    for (const matter of matters) {
      expect(matter.id).toBe(`induced:${matter.name}`);
      expect(matter.evidence.similarity).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('finds no subject in boilerplate that every department writes, nor in one department alone', () => {
    const members = induceMatters(items()).flatMap((m) => m.members);
    for (const code of ['hb-3', 'zj-3', 'sw-3', 'sj-3', 'jt-2', 'zj-2', 'sw-2']) expect(members).not.toContain(code);
  });

  it('gives the same matters whatever the order of the items (ids are stable across reruns)', () => {
    const once = induceMatters(items());
    const reversed = induceMatters(items([...LISTS].reverse()));
    expect(reversed.map((m) => [m.id, m.members])).toEqual(once.map((m) => [m.id, m.members]));
  });

  it('never groups items of one department, or of different regions', () => {
    const split = items().map((item) => (item.department === 'zj' ? { ...item, region: '370781' } : item));
    expect(induceMatters(split).some((m) => m.members.includes('zj-1'))).toBe(false);
  });

  it("tells a complaint's induced matter by its words, the longest word first", () => {
    const matters = [
      { id: 'induced:卡', words: ['卡'], size: 9 },
      { id: 'induced:预付卡', words: ['预付卡', '单用途'], size: 2 },
    ];
    expect(matterOfText('健身房关门了，预付卡里还有三千元退不了', matters)).toBe('induced:预付卡');
    expect(matterOfText('路灯不亮', matters)).toBeNull();
  });
});
