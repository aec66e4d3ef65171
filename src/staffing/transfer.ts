import { AppError, ErrorCode } from '../errors.js';
import type { StaffingSnapshot } from './snapshot.js';
import type { SectionWorkload } from './workload.js';

/** A section's standing before or after a transfer. */
interface SectionStanding {
  section: string;
  name: string;
  department: string;
  posts: number;
  required: number;
  ratio: number | null;
}

export interface TransferPlan {
  item: { code: string; name: string };
  fromDepartment: string;
  fromSection: string;
  toDepartment: string;
  toSection: string;
  year: number;
  /** The item's share of its section's workload (hours). */
  share: number;
  /** share × the section's posts, before rounding. */
  exactPosts: number;
  /** Whole posts that move with the item (docs/staffing.md, "Rounding"). */
  posts: number;
  before: { from: SectionStanding; to: SectionStanding };
  after: { from: SectionStanding; to: SectionStanding };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function standing(w: SectionWorkload, posts: number, required: number): SectionStanding {
  return { section: w.section, name: w.name, department: w.department, posts, required: round(required), ratio: required > 0 ? round(posts / required) : null };
}

/**
 * Whole posts for a share of a section's posts: the nearest whole number (halves up); never all
 * of the section's posts while work stays behind; one more when rounding down would leave the
 * receiving section short (ratio under 1) and the giving section would still not be (ratio at
 * least 1) after giving it. Posts move, none is made or lost.
 */
export function postsToMove(
  exact: number,
  from: { posts: number; required: number; remainingRequired: number },
  to: { posts: number; required: number; addedRequired: number },
): number {
  let posts = Math.floor(exact + 0.5);
  const keepsWork = from.remainingRequired > 0;
  const cap = keepsWork ? from.posts - 1 : from.posts;
  posts = Math.max(0, Math.min(posts, cap));
  const receiverShort = (n: number) => to.posts + n < to.required + to.addedRequired;
  const giverStillFine = (n: number) => from.remainingRequired === 0 || (from.posts - n) / from.remainingRequired >= 1;
  if (posts < exact && posts + 1 <= cap && receiverShort(posts) && giverStillFine(posts + 1)) posts++;
  return posts;
}

/** The section of the receiving department best placed to take the item: most hours of the same type of work, else most hours. */
function receivingSection(snapshot: StaffingSnapshot, workloads: Map<string, SectionWorkload>, department: string, type: string): SectionWorkload {
  const candidates = snapshot.sections.filter((s) => s.department === department).map((s) => workloads.get(s.id)!);
  if (candidates.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, `department "${department}" has no sections to take the item`);
  const typeOf = new Map(snapshot.items.map((i) => [i.code, i.type]));
  const sameType = (w: SectionWorkload) => [...w.itemHours].filter(([code]) => typeOf.get(code) === type).reduce((sum, [, h]) => sum + h, 0);
  return [...candidates].sort((a, b) => sameType(b) - sameType(a) || b.hours - a.hours || (a.section < b.section ? -1 : 1))[0]!;
}

/**
 * How many posts move when a power item moves to another department: the item's share of its
 * section's workload times the section's posts, in whole posts. The brief's case: one third of
 * a four-post section's workload moves one post.
 */
export function planTransfer(snapshot: StaffingSnapshot, workloads: SectionWorkload[], itemCode: string, toDepartment: string): TransferPlan {
  const item = snapshot.items.find((i) => i.code === itemCode);
  if (!item) throw new AppError(ErrorCode.NOT_FOUND, `power item "${itemCode}" does not exist`);
  if (!snapshot.departments.some((d) => d.id === toDepartment)) throw new AppError(ErrorCode.NOT_FOUND, `department "${toDepartment}" does not exist`);
  if (item.department === toDepartment) throw new AppError(ErrorCode.CONFLICT, `power item "${itemCode}" is already held by "${toDepartment}"`);
  const byId = new Map(workloads.map((w) => [w.section, w]));
  const from = item.sections
    .map((s) => byId.get(s))
    .filter((w) => w !== undefined)
    .sort((a, b) => (b.itemHours.get(itemCode) ?? 0) - (a.itemHours.get(itemCode) ?? 0))[0];
  if (!from) throw new AppError(ErrorCode.BAD_USER_INPUT, `power item "${itemCode}" is implemented by no section, so no posts carry its work`);
  const itemHours = from.itemHours.get(itemCode);
  if (itemHours === undefined)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `power item "${itemCode}" has no volume in ${from.year}: its share of the work is unknown`);
  const to = receivingSection(snapshot, byId, toDepartment, item.type);
  const share = from.hours > 0 ? itemHours / from.hours : 0;
  const exact = share * from.posts;
  const movedRequired = from.required * share;
  const posts = postsToMove(
    exact,
    { posts: from.posts, required: from.required, remainingRequired: from.required - movedRequired },
    { posts: to.posts, required: to.required, addedRequired: movedRequired },
  );
  return {
    item: { code: item.code, name: item.name },
    fromDepartment: item.department,
    fromSection: from.section,
    toDepartment,
    toSection: to.section,
    year: from.year,
    share: round(share, 4),
    exactPosts: round(exact),
    posts,
    before: { from: standing(from, from.posts, from.required), to: standing(to, to.posts, to.required) },
    after: { from: standing(from, from.posts - posts, from.required - movedRequired), to: standing(to, to.posts + posts, to.required + movedRequired) },
  };
}
