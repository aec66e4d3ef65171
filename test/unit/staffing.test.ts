import { describe, expect, it } from 'vitest';
import { availableHours, STAFFING_DEFAULTS } from '../../src/staffing/config.js';
import type { StaffingSnapshot } from '../../src/staffing/snapshot.js';
import { suggestReallocations } from '../../src/staffing/suggest.js';
import { planTransfer, postsToMove } from '../../src/staffing/transfer.js';
import { sectionWorkloads } from '../../src/staffing/workload.js';
import { isAppError } from '../../src/errors.js';

/** The brief's case: 市场准入科 (4 posts) where foreign-invested enterprise registration is a third of the work. */
function snapshot(): StaffingSnapshot {
  return {
    departments: [
      { id: 'sp', name: '行政审批服务局', region: 'C' },
      { id: 'sc', name: '市场监督管理局', region: 'C' },
    ],
    sections: [
      { id: 'sp-s2', name: '市场准入科', department: 'sp', posts: 4, staffed: 4 },
      { id: 'sp-s3', name: '建设项目科', department: 'sp', posts: 2, staffed: 2 },
      { id: 'sp-s4', name: '综合科', department: 'sp', posts: 3, staffed: 3 },
      { id: 'sc-s1', name: '登记注册科', department: 'sc', posts: 3, staffed: 3 },
      { id: 'sc-s2', name: '执法稽查科', department: 'sc', posts: 1, staffed: 1 },
    ],
    items: [
      { code: 'FOREIGN', name: '外商投资企业设立、变更、注销登记', type: 'licensing', department: 'sp', sections: ['sp-s2'] },
      { code: 'DOMESTIC', name: '内资企业设立登记', type: 'licensing', department: 'sp', sections: ['sp-s2'] },
      { code: 'PERMIT', name: '建筑工程施工许可证核发', type: 'licensing', department: 'sp', sections: ['sp-s3'] },
      { code: 'PERMIT2', name: '竣工验收备案', type: 'licensing', department: 'sp', sections: ['sp-s3'] },
      { code: 'IDLE', name: '某项许可', type: 'licensing', department: 'sp', sections: ['sp-s4'] },
      { code: 'REG', name: '个体工商户登记', type: 'licensing', department: 'sc', sections: ['sc-s1'] },
      { code: 'CASE', name: '对无照经营的行政处罚', type: 'penalty', department: 'sc', sections: ['sc-s2'] },
      { code: 'NOVOLUME', name: '对虚假登记的行政处罚', type: 'penalty', department: 'sc', sections: ['sc-s2'] },
    ],
    volumes: [
      { powerItem: 'FOREIGN', section: 'sp-s2', year: 2023, received: 1200, completed: 1190 },
      { powerItem: 'DOMESTIC', section: 'sp-s2', year: 2023, received: 2400, completed: 2380 },
      { powerItem: 'PERMIT', section: 'sp-s3', year: 2023, received: 500, completed: 500 },
      { powerItem: 'PERMIT2', section: 'sp-s3', year: 2023, received: 500, completed: 500 },
      { powerItem: 'IDLE', section: 'sp-s4', year: 2023, received: 0, completed: 0 },
      { powerItem: 'REG', section: 'sc-s1', year: 2023, received: 2000, completed: 1990 },
      { powerItem: 'CASE', section: 'sc-s2', year: 2023, received: 300, completed: 280 },
    ],
  };
}

const workloads = (s = snapshot()) => sectionWorkloads(s, 2023, STAFFING_DEFAULTS);
const expectError = (work: () => unknown, code: string, text: string) => {
  try {
    work();
    expect.unreachable();
  } catch (error) {
    expect(isAppError(error, code as never), String(error)).toBe(true);
    expect((error as Error).message).toContain(text);
  }
};

describe('WISN workload', () => {
  it('counts hours by item type over the available time of a post, with the category allowance', () => {
    expect(availableHours(STAFFING_DEFAULTS)).toBe(1832);
    const s2 = workloads().find((w) => w.section === 'sp-s2')!;
    expect(s2.hours).toBe(3600 * 1.5);
    expect(s2.required).toBeCloseTo(5400 / (1832 * 0.85), 6);
    expect(s2.ratio).toBeCloseTo(4 / s2.required, 6);
    expect(s2.kind).toBe('licensing');
  });

  it('gives a section with zero workload no ratio, and reports missing volumes instead of guessing', () => {
    const all = workloads();
    expect(all.find((w) => w.section === 'sp-s4')).toMatchObject({ hours: 0, required: 0, ratio: null });
    expect(all.find((w) => w.section === 'sc-s2')!.missingVolumes).toEqual(['NOVOLUME']);
  });

  it('refuses negative volumes and a year with no volumes, with a clear error', () => {
    const negative = snapshot();
    negative.volumes[0]!.received = -5;
    expectError(() => sectionWorkloads(negative, 2023, STAFFING_DEFAULTS), 'BAD_USER_INPUT', 'negative');
    expectError(() => sectionWorkloads(snapshot(), 2019, STAFFING_DEFAULTS), 'BAD_USER_INPUT', 'no volumes for 2019; the graph has volumes for 2023');
  });
});

describe('transfer', () => {
  it("the brief's case: a third of a four-post section's workload moves one post", () => {
    const plan = planTransfer(snapshot(), workloads(), 'FOREIGN', 'sc');
    expect(plan).toMatchObject({ fromDepartment: 'sp', fromSection: 'sp-s2', toDepartment: 'sc', toSection: 'sc-s1', posts: 1 });
    expect(plan.share).toBeCloseTo(1 / 3, 4);
    expect(plan.before.from.posts + plan.before.to.posts).toBe(plan.after.from.posts + plan.after.to.posts);
    expect(plan.after.from.posts).toBe(3);
  });

  it('an even split moves half the posts', () => {
    expect(planTransfer(snapshot(), workloads(), 'PERMIT', 'sc').posts).toBe(1);
    const four = snapshot();
    four.sections.find((s) => s.id === 'sp-s3')!.posts = 4;
    expect(planTransfer(four, workloads(four), 'PERMIT', 'sc').posts).toBe(2);
  });

  it('a tiny section keeps its one post while work stays, and gives it when all its work goes', () => {
    const tiny = snapshot();
    tiny.sections.find((s) => s.id === 'sp-s2')!.posts = 1;
    expect(planTransfer(tiny, workloads(tiny), 'FOREIGN', 'sc').posts).toBe(0);
    const only = snapshot();
    only.items = only.items.filter((i) => i.code !== 'DOMESTIC');
    only.volumes = only.volumes.filter((v) => v.powerItem !== 'DOMESTIC');
    only.sections.find((s) => s.id === 'sp-s2')!.posts = 1;
    expect(planTransfer(only, workloads(only), 'FOREIGN', 'sc').posts).toBe(1);
  });

  it('rounds up by one when rounding down would leave the receiver short and the giver can spare it', () => {
    expect(postsToMove(1.4, { posts: 10, required: 5, remainingRequired: 4.3 }, { posts: 2, required: 2, addedRequired: 0.7 })).toBe(1);
    expect(postsToMove(1.4, { posts: 10, required: 5, remainingRequired: 4.3 }, { posts: 2, required: 2.5, addedRequired: 0.7 })).toBe(2);
    expect(postsToMove(1.4, { posts: 5, required: 6, remainingRequired: 5.3 }, { posts: 2, required: 2.5, addedRequired: 0.7 })).toBe(1);
  });

  it('refuses an unknown item, an item the target already holds, and an item without volume', () => {
    expectError(() => planTransfer(snapshot(), workloads(), 'NOPE', 'sc'), 'NOT_FOUND', 'power item "NOPE" does not exist');
    expectError(() => planTransfer(snapshot(), workloads(), 'REG', 'sc'), 'CONFLICT', 'already held by "sc"');
    expectError(() => planTransfer(snapshot(), workloads(), 'FOREIGN', 'zz'), 'NOT_FOUND', 'department "zz"');
    expectError(() => planTransfer(snapshot(), workloads(), 'NOVOLUME', 'sp'), 'BAD_USER_INPUT', 'no volume in 2023');
  });
});

describe('reallocation suggestions', () => {
  it('moves whole posts from slack to short sections inside departments, never creating or losing one', () => {
    const all = workloads();
    const plan = suggestReallocations(all, { acrossDepartments: false, maxMoves: 20, minPosts: 1 });
    for (const move of plan.moves) expect(move.from.department).toBe(move.to.department);
    expect(plan.after.meanDistance).toBeLessThanOrEqual(plan.before.meanDistance);
    const moved = new Map<string, number>();
    for (const m of plan.moves) {
      moved.set(m.from.section, (moved.get(m.from.section) ?? 0) - 1);
      moved.set(m.to.section, (moved.get(m.to.section) ?? 0) + 1);
    }
    expect([...moved.values()].reduce((a, b) => a + b, 0)).toBe(0);
    for (const w of all) expect(w.posts + (moved.get(w.section) ?? 0)).toBeGreaterThanOrEqual(1);
    expect(plan.excluded.map((e) => e.section).sort()).toEqual(['sc-s2', 'sp-s4']);
  });

  it('is deterministic, respects the move limit, and moves across departments only when allowed', () => {
    const all = workloads();
    const across = suggestReallocations(all, { acrossDepartments: true, maxMoves: 3, minPosts: 1 });
    expect(across.moves.length).toBeLessThanOrEqual(3);
    expect(suggestReallocations(workloads(), { acrossDepartments: true, maxMoves: 3, minPosts: 1 })).toEqual(across);
  });
});
