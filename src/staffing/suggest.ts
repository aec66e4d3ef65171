import type { SectionWorkload } from './workload.js';

export interface SuggestOptions {
  /** Move posts between departments too (a whole-city plan); otherwise only inside each department. */
  acrossDepartments: boolean;
  /** At most this many single-post moves. */
  maxMoves: number;
  /** Posts every section keeps. */
  minPosts: number;
  /** Only these departments (all when absent). */
  departments?: string[] | undefined;
}

export const SUGGEST_DEFAULTS: SuggestOptions = { acrossDepartments: false, maxMoves: 20, minPosts: 1 };

interface Move {
  from: { section: string; name: string; department: string; ratioBefore: number; ratioAfter: number };
  to: { section: string; name: string; department: string; ratioBefore: number; ratioAfter: number };
  posts: 1;
}

interface Spread {
  sections: number;
  /** Mean of |ratio − 1|: 0 when every section holds exactly what its work requires. */
  meanDistance: number;
  min: number;
  max: number;
  short: number;
  slack: number;
}

export interface Suggestion {
  moves: Move[];
  before: Spread;
  after: Spread;
  /** Sections left out: no measured workload, or items without volumes (their need is unknown). */
  excluded: { section: string; reason: string }[];
}

const round = (n: number) => Math.round(n * 100) / 100;

interface State {
  w: SectionWorkload;
  posts: number;
}

const ratio = (s: State, delta = 0) => (s.posts + delta) / s.w.required;
const distance = (r: number) => Math.abs(r - 1);

function spread(states: State[]): Spread {
  const ratios = states.map((s) => ratio(s));
  return {
    sections: states.length,
    meanDistance: ratios.length > 0 ? round(ratios.reduce((sum, r) => sum + distance(r), 0) / ratios.length) : 0,
    min: ratios.length > 0 ? round(ratios.reduce((a, b) => Math.min(a, b))) : 0,
    max: ratios.length > 0 ? round(ratios.reduce((a, b) => Math.max(a, b))) : 0,
    short: ratios.filter((r) => r < 1).length,
    slack: ratios.filter((r) => r > 1).length,
  };
}

/**
 * Whole posts from slack sections to short ones, one at a time: each step takes the move that
 * brings the two sections' ratios closest to 1 overall (the largest fall in |ratio − 1| summed
 * over the pair), among the most slack section and the shortest section of each group (a
 * department, or the whole city when allowed). Stops when no move helps or after maxMoves.
 * Deterministic: ties go to the smaller section id.
 */
export function suggestReallocations(workloads: SectionWorkload[], options: SuggestOptions = SUGGEST_DEFAULTS): Suggestion {
  const excluded: Suggestion['excluded'] = [];
  const states: State[] = [];
  for (const w of workloads) {
    if (options.departments && !options.departments.includes(w.department)) continue;
    if (w.required <= 0) excluded.push({ section: w.section, reason: 'no measured workload' });
    else if (w.missingVolumes.length > 0) excluded.push({ section: w.section, reason: `${w.missingVolumes.length} item(s) without volumes` });
    else states.push({ w, posts: w.posts });
  }
  const before = spread(states);
  const groups = new Map<string, State[]>();
  for (const s of states) {
    const key = options.acrossDepartments ? '*' : s.w.department;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const byId = (a: State, b: State) => (a.w.section < b.w.section ? -1 : 1);
  const moves: Move[] = [];
  while (moves.length < options.maxMoves) {
    let best: { gain: number; donor: State; receiver: State } | undefined;
    for (const group of groups.values()) {
      const donors = group.filter((s) => s.posts > options.minPosts);
      if (donors.length === 0) continue;
      const donor = donors.reduce((a, b) => (ratio(b) > ratio(a) || (ratio(b) === ratio(a) && byId(b, a) < 0) ? b : a));
      const receiver = group.reduce((a, b) => (ratio(b) < ratio(a) || (ratio(b) === ratio(a) && byId(b, a) < 0) ? b : a));
      if (donor === receiver) continue;
      const gain = distance(ratio(donor)) + distance(ratio(receiver)) - distance(ratio(donor, -1)) - distance(ratio(receiver, 1));
      if (gain > 1e-9 && (!best || gain > best.gain + 1e-12)) best = { gain, donor, receiver };
    }
    if (!best) break;
    const { donor, receiver } = best;
    moves.push({
      from: {
        section: donor.w.section,
        name: donor.w.name,
        department: donor.w.department,
        ratioBefore: round(ratio(donor)),
        ratioAfter: round(ratio(donor, -1)),
      },
      to: {
        section: receiver.w.section,
        name: receiver.w.name,
        department: receiver.w.department,
        ratioBefore: round(ratio(receiver)),
        ratioAfter: round(ratio(receiver, 1)),
      },
      posts: 1,
    });
    donor.posts--;
    receiver.posts++;
  }
  return { moves, before, after: spread(states), excluded };
}
