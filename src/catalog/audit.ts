import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';

const Q = useQueries(['recordAudit']);

/** Longest argument text kept in an audit entry (a large upsert is summarised, not copied). */
const MAX_ARGUMENTS = 2000;

/** Records one mutation: who, with which role, when, what (its arguments) and how it ended. */
export async function recordAudit(db: Database, entry: { actor: string; role: string; mutation: string; arguments: unknown; outcome: string }): Promise<void> {
  const text = JSON.stringify(entry.arguments);
  await db.write(Q.recordAudit, { ...entry, arguments: text.length > MAX_ARGUMENTS ? `${text.slice(0, MAX_ARGUMENTS)}…` : text, at: new Date().toISOString() });
}
