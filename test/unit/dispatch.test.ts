import { describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { buildDispatchIndex } from '../../src/dispatch/build-index.js';
import { abbreviates, dispatch, rankMatters } from '../../src/dispatch/dispatch.js';
import { parseLexicon } from '../../src/dispatch/lexicon.js';
import { loadLexicon } from '../../src/dispatch/load-lexicon.js';
import { isAppError } from '../../src/errors.js';
import { snapshotOfBundle } from '../helpers/dispatch-snapshot.js';

const snapshot = snapshotOfBundle(DEMO_BUNDLE);
const index = buildDispatchIndex(snapshot);

describe('dispatch on the demo lists', () => {
  it('follows a published boundary item over the other holders (the noise case)', () => {
    const answer = dispatch(index, '晚上十一点多了，小区对面工地还在打桩，吵得孩子根本睡不着', '371100');
    expect(answer).toMatchObject({ status: 'assigned', lead: { id: 'd-sthjj' }, via: 'boundary-item', matter: { id: 'm-construction-noise' } });
    expect(answer.cooperating.map((d) => d.id).sort()).toEqual(['d-cgj', 'd-zjj']);
    expect(answer.evidence[0]!.id).toBe('b-2021-noise-02');
  });

  it("carries a city boundary item to the county department that mirrors the lead's items", () => {
    const answer = dispatch(index, '莒县城区这个工地晚上一直施工，噪音很大影响休息', '371122');
    expect(answer).toMatchObject({ status: 'assigned', lead: { id: 'd-jx-sthj' }, via: 'boundary-item' });
  });

  it("picks the county's department when the county holds the duty, else the city's", () => {
    expect(dispatch(index, '菜市场门口流动摊贩占道经营，车都过不去', '371122').lead?.id).toBe('d-jx-cgj');
    expect(dispatch(index, '菜市场门口流动摊贩占道经营，车都过不去', '371100').lead?.id).toBe('d-cgj');
    expect(dispatch(index, '超市卖过期面包，吃了拉肚子', '371122').lead?.id).toBe('d-scjgj');
  });

  it("chooses the office first and the level second: a county's lesser duty does not beat the city's main one", () => {
    const withCountyInspection = buildDispatchIndex({
      ...snapshot,
      powerItems: [
        ...snapshot.powerItems,
        {
          code: '371122-ZJ-JC-002',
          name: '对建设工程施工企业支付农民工工资情况的监督检查',
          type: 'inspection',
          department: 'd-jx-zjj',
          matters: ['m-wage-arrears'],
          correspondsTo: '371100-ZJ-JC-002',
        },
      ],
    });
    const answer = dispatch(withCountyInspection, '在工地干了两个月活，包工头一直拖欠工资不给', '371122');
    expect(answer).toMatchObject({ status: 'assigned', lead: { id: 'd-rsj' }, via: 'power-item' });
    expect(answer.cooperating.map((d) => d.id)).toContain('d-jx-zjj');
  });

  it('lets history break a tie between holders, and says so', () => {
    const text = '楼下商铺用大喇叭循环播放促销广告，高音喇叭吵得不行';
    const tie = dispatch(index, text, '371100');
    expect(tie.via).toBe('power-item');
    const refuser = tie.lead!.id;
    const other = refuser === 'd-cgj' ? 'd-gaj' : 'd-cgj';
    const tally = (department: string, resolved: number, refused: number) => ({
      matter: 'm-social-noise',
      department,
      accepted: 0,
      resolved,
      refused,
      returned: 0,
    });
    const withHistory = buildDispatchIndex({ ...snapshot, routings: [tally(refuser, 1, 30), tally(other, 40, 2)] });
    const answer = dispatch(withHistory, text, '371100');
    expect(answer).toMatchObject({ lead: { id: other }, via: 'history' });
    expect(answer.evidence.at(-1)!.text).toContain('退回或拒收2次');
  });

  it('never lets history override a published boundary item', () => {
    const withHistory = buildDispatchIndex({
      ...snapshot,
      routings: [{ matter: 'm-construction-noise', department: 'd-sthjj', accepted: 0, resolved: 0, refused: 500, returned: 0 }],
    });
    expect(dispatch(withHistory, '小区对面工地半夜还在打桩施工', '371100')).toMatchObject({ lead: { id: 'd-sthjj' }, via: 'boundary-item' });
  });

  it('answers "unassigned" with the coordinator for a matter nobody holds', () => {
    const answer = dispatch(index, '小区门口共享单车乱停乱放，把人行道都堵死了', '371100');
    expect(answer).toMatchObject({ status: 'unassigned', lead: { id: 'd-rx' }, via: 'coordinator', matter: { id: 'm-shared-bikes' } });
  });

  it('stops following a boundary item once it is retired', () => {
    const text = '我们老楼想加装电梯，一楼住户不同意，该找哪个部门协调';
    expect(dispatch(index, text, '371100')).toMatchObject({ lead: { id: 'd-zjj' }, via: 'boundary-item' });
    const retired = buildDispatchIndex({
      ...snapshot,
      boundaryItems: snapshot.boundaryItems.map((b) => (b.id === 'b-2021-lift-01' ? { ...b, status: 'retired' } : b)),
    });
    const answer = dispatch(retired, text, '371100');
    expect(answer.via).toBe('power-item');
    expect(answer.lead?.id).not.toBe('d-zjj');
  });

  it('does not let a section-scope boundary item decide between departments', () => {
    const withSectionItem = buildDispatchIndex({
      ...snapshot,
      boundaryItems: [
        ...snapshot.boundaryItems,
        {
          id: 'b-sec-x',
          title: '食品安全投诉的科室分工',
          status: 'published',
          scope: 'section',
          region: '371100',
          lead: 'd-wjw',
          cooperating: [],
          matters: ['m-food-safety'],
        },
      ],
    });
    expect(dispatch(withSectionItem, '超市卖过期面包，吃了拉肚子', '371100').lead?.id).toBe('d-scjgj');
  });

  it('never ranks a category (a matter with children): its words count for its children', () => {
    const ranked = rankMatters(index, '楼下噪音扰民好几天了').map((m) => m.id);
    expect(ranked).not.toContain('m-noise');
    expect(ranked[0]).toMatch(/^m-(construction|boundary|social)-noise$/);
  });

  it('never crashes on bad input: empty, emoji, English, 100 KB, an unknown district', () => {
    for (const text of ['', '😀😀😀', 'the street light is broken', '噪音'.repeat(25_000)]) {
      const answer = dispatch(index, text, '371100');
      expect(['assigned', 'unassigned']).toContain(answer.status);
    }
    expect(dispatch(index, '', '371100').status).toBe('unassigned');
    expect(dispatch(index, '菜市场门口流动摊贩占道经营', '999999').lead?.id).toBe('d-cgj');
  });
});

describe('matching wordings the lists do not use', () => {
  it('recognises a keyword abbreviated or spelled out, in order, with small gaps', () => {
    expect(abbreviates('违建', '一楼住户违规扩建院子')).toBe(true);
    expect(abbreviates('黑臭', '河水发黑发臭')).toBe(true);
    expect(abbreviates('医保', '医疗保险报销')).toBe(true);
    expect(abbreviates('天然气', '今天天气不好')).toBe(false);
    expect(abbreviates('违建', '建筑违规')).toBe(false);
    expect(abbreviates('违建', '违反了合同约定的建设')).toBe(false);
  });

  it('skips region names: a place says where, not what', () => {
    expect(rankMatters(index, '食品工业园区').map((m) => m.id)).toContain('m-food-safety');
    const withZone = buildDispatchIndex({
      ...snapshot,
      regions: [...snapshot.regions, { code: '371171', name: '食品工业园区', parent: '371100' }],
    });
    expect(rankMatters(withZone, '食品工业园区')).toEqual([]);
  });

  it('reads everyday words through the lexicon', () => {
    const text = '打的士被司机甩客了，还骂人';
    expect(dispatch(index, text, '371100').status).toBe('unassigned');
    const withLexicon = buildDispatchIndex(snapshot, loadLexicon(undefined));
    expect(dispatch(withLexicon, text, '371100')).toMatchObject({ status: 'assigned', matter: { id: 'm-taxi' }, lead: { id: 'd-jtysj' } });
  });

  it('parses a lexicon, and names the malformed lines of a bad one', () => {
    const lexicon = parseLexicon('# comment\n住宅: 房子, 楼房\n房屋：房子、商品房\n', 'test.txt');
    expect(lexicon.get('房子')).toEqual(['住宅', '房屋']);
    expect(lexicon.get('商品房')).toEqual(['房屋']);
    try {
      parseLexicon('住宅: 房子\n只有一个词\n学校:\n', 'bad.txt');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'BAD_CONFIG')).toBe(true);
      expect((error as { details: string[] }).details).toEqual([
        'bad.txt:2: expected "list word: everyday word, everyday word"',
        'bad.txt:3: expected "list word: everyday word, everyday word"',
      ]);
    }
  });

  it('leaves chatter without a subject unassigned', () => {
    for (const text of ['你好，我想咨询一下', '有个问题想问问', '上次反映的事情怎么样了，希望尽快解决', '今天天气不好']) {
      expect(dispatch(index, text, '371100').status).toBe('unassigned');
    }
  });
});
