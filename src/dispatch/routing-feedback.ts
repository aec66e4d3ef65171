import { z } from 'zod';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { bumpGraphRevision } from '../db/revision.js';
import { tallyComplaints, untallyComplaints } from '../db/tallies.js';
import { AppError, ErrorCode } from '../errors.js';
import { ROUTE_OUTCOMES } from '../model/records.js';

const Q = useQueries(['complaintAndDepartmentExist', 'recordRouting']);

/** What happened when a complaint reached a department. Refusals and returns must say why. */
export const RoutingInput = z
  .object({
    complaint: z.string().trim().min(1, 'must not be empty').max(200),
    department: z.string().trim().min(1, 'must not be empty').max(200),
    outcome: z.enum(ROUTE_OUTCOMES),
    reason: z.string().trim().max(1000).nullish(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((r) => !['refused', 'returned'].includes(r.outcome) || (r.reason ?? '') !== '', {
    path: ['reason'],
    message: 'a refused or returned complaint needs a reason',
  });
export type RoutingInput = z.input<typeof RoutingInput>;

export interface RecordedRouting {
  complaint: string;
  department: string;
  departmentName: string;
  seq: number;
  at: string;
  outcome: (typeof ROUTE_OUTCOMES)[number];
  reason: string | null;
}

/**
 * Appends a routing outcome to a complaint's chain as a ROUTED relationship (the same the import
 * writes), so bounce analysis and dispatch history see it. Validated before anything is written.
 */
export async function recordRouting(db: Database, input: RoutingInput, by: string): Promise<RecordedRouting> {
  const parsed = RoutingInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  }
  const { complaint, department, outcome, reason, at } = parsed.data;
  return db.writeTx(async (tx) => {
    const [exists] = await tx.run<{ complaint: boolean; department: boolean }>(Q.complaintAndDepartmentExist, { complaint, department });
    if (!exists?.complaint) throw new AppError(ErrorCode.NOT_FOUND, `complaint "${complaint}" does not exist`);
    if (!exists.department) throw new AppError(ErrorCode.NOT_FOUND, `department "${department}" does not exist`);
    await untallyComplaints(tx, [complaint]);
    const [row] = await tx.run<RecordedRouting>(Q.recordRouting, {
      complaint,
      department,
      outcome,
      reason: reason || null,
      at: at ?? new Date().toISOString(),
      by,
    });
    await tallyComplaints(tx, [complaint]);
    await bumpGraphRevision(tx, ['complaints']);
    return row!;
  }, 'recordRouting');
}
