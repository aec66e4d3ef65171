import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { bumpGraphRevision } from '../db/revision.js';
import { AppError, ErrorCode } from '../errors.js';

const Q = useQueries(['boundaryItemStatus', 'setBoundaryItemStatus']);

export interface BoundaryItemStatusChange {
  id: string;
  title: string;
  status: 'published' | 'retired';
  /** The graph revision after the change: dispatch answers from this version on. */
  revision: number;
}

/** Which statuses each change may start from. */
const FROM = { published: ['draft', 'retired'], retired: ['published'] } as const;

/**
 * Publishes a draft (or retired) boundary item, or retires a published one. A published item
 * decides dispatch for its matters; a retired one no longer does. Unknown ids are NOT_FOUND, a
 * change that makes no sense from the current status (publishing twice) is a CONFLICT.
 */
export async function setBoundaryItemStatus(db: Database, id: string, status: 'published' | 'retired', by: string): Promise<BoundaryItemStatusChange> {
  return db.writeTx(async (tx) => {
    const [current] = await tx.run<{ status: string | null; title: string | null }>(Q.boundaryItemStatus, { id });
    if (!current?.title) throw new AppError(ErrorCode.NOT_FOUND, `boundary item "${id}" does not exist`);
    const from = current.status ?? 'published';
    if (!(FROM[status] as readonly string[]).includes(from)) {
      throw new AppError(ErrorCode.CONFLICT, `boundary item "${id}" is ${from}; it cannot be ${status === 'published' ? 'published' : 'retired'} from there`);
    }
    const [row] = await tx.run<Omit<BoundaryItemStatusChange, 'revision'>>(Q.setBoundaryItemStatus, { id, status, at: new Date().toISOString(), by });
    return { ...row!, revision: await bumpGraphRevision(tx, ['boundaries']) };
  }, 'setBoundaryItemStatus');
}
