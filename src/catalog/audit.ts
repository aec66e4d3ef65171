import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';

const Q = useQueries(['recordAudit']);

/** Longest argument text kept in an audit entry (a large upsert is summarised, not copied). */
const MAX_ARGUMENTS = 2000;

/**
 * Records one mutation: who, with which role, when, what (its arguments) and how it ended, and
 * how many refusals of the same actor were left out before it (`unrecorded`, see AuditLimiter).
 */
export async function recordAudit(
  db: Database,
  entry: { actor: string; role: string; mutation: string; arguments: unknown; outcome: string; unrecorded?: number },
): Promise<void> {
  const text = JSON.stringify(entry.arguments);
  await db.write(Q.recordAudit, {
    ...entry,
    unrecorded: entry.unrecorded ?? 0,
    arguments: text.length > MAX_ARGUMENTS ? `${text.slice(0, MAX_ARGUMENTS)}…` : text,
    at: new Date().toISOString(),
  });
}

/**
 * Refusals are audited at a bounded rate: at most `perMinute` a minute for each actor, so a caller
 * who may not write cannot fill the store by being refused. Those left out are counted (and the
 * metrics count every one); the next entry written for that actor says how many.
 */
export class AuditLimiter {
  private readonly windows = new Map<string, { start: number; written: number; left: number }>();

  constructor(
    private readonly perMinute = 10,
    private readonly now: () => number = Date.now,
    /** Actors tracked at once; past it the oldest windows are forgotten (memory stays bounded). */
    private readonly maxActors = 10_000,
  ) {}

  /** Whether to write this refusal, and how many of the actor's refusals were left out before it. */
  admit(actor: string): { write: boolean; unrecorded: number } {
    const now = this.now();
    const window = this.windows.get(actor);
    if (!window || now - window.start >= 60_000) {
      if (!window && this.windows.size >= this.maxActors) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(actor, { start: now, written: 1, left: 0 });
      return { write: true, unrecorded: window?.left ?? 0 };
    }
    if (window.written < this.perMinute) {
      window.written++;
      const unrecorded = window.left;
      window.left = 0;
      return { write: true, unrecorded };
    }
    window.left++;
    return { write: false, unrecorded: 0 };
  }
}
