import { createHash } from 'node:crypto';
import { induceMatters, INDUCED_PREFIX, matterOfText } from '../analysis/induce-matters.js';
import type { Database, Tx } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { bumpGraphRevision } from '../db/revision.js';
import { recountMatters, tallyComplaints, untallyComplaints } from '../db/tallies.js';
import { AppError, ErrorCode } from '../errors.js';
import { normalizeText, nouns, tokenize } from '../text/tokenize.js';

const Q = useQueries([
  'inductionItems',
  'inducedMatterDecisions',
  'writeInducedMatters',
  'deleteStaleInducedMatters',
  'complaintMatcherMatters',
  'untaggedComplaints',
  'linkComplaintsToInducedMatters',
  'inducedMatter',
  'renameMatter',
  'confirmMatter',
  'mergeMatters',
  'splitMatter',
]);

export interface InductionReport {
  /** Induced matters written (found again or new); decided ones are not counted. */
  matters: number;
  /** Undecided induced matters the lists no longer support, deleted. */
  deleted: number;
  /** Untagged power items considered. */
  items: number;
  /** Untagged complaints read (those not read against the same matters before), and how many of them got an induced matter. */
  complaints: number;
  linkedComplaints: number;
}

const COMPLAINT_PAGE = 5000;

/**
 * Induces matters from the untagged power items of the graph (analysis/induce-matters.ts) and
 * links untagged complaints to them by their words. Matters analysts decided on (confirmed or
 * merged away) are left as they are. The matters are written in one transaction; complaints
 * follow in pages (a cut leaves some complaints on their previous matter; a rerun completes it).
 */
export async function induceMattersInGraph(db: Database): Promise<InductionReport> {
  const written = await db.writeTx(
    async (tx) => {
      const items = await tx.run<{ id: string; name: string; department: string; region: string }>(Q.inductionItems);
      const decided = new Set((await tx.run<{ id: string }>(Q.inducedMatterDecisions)).map((row) => row.id));
      const found = induceMatters(items.map((item) => ({ ...item, nouns: nouns(item.name), terms: tokenize(item.name) })));
      const undecided = found.filter((matter) => !decided.has(matter.id));
      const rows = undecided.map(({ id, name, words, members, evidence }) => ({
        id,
        name,
        words,
        members,
        evidence: evidence.items,
        similarity: evidence.similarity,
      }));
      await tx.run(Q.writeInducedMatters, { matters: rows });
      const [stale] = await tx.run<{ deleted: string[] }>(Q.deleteStaleInducedMatters, { keep: undecided.map((matter) => matter.id) });
      const deleted = stale?.deleted.length ?? 0;
      await recountMatters(tx, stale?.deleted ?? []);
      if (undecided.length > 0 || deleted > 0) await bumpGraphRevision(tx, ['lists']);
      return { matters: undecided.length, deleted, items: items.length };
    },
    'induceMatters',
    { timeoutMs: 10 * 60_000 },
  );
  return { ...written, ...(await linkComplaints(db)) };
}

/**
 * Links untagged complaints to the induced matter their words name. Each complaint keeps the
 * fingerprint of the matters it was read against, so an import that leaves the matters as they
 * were reads only the complaints it brought, not the hotline's whole history again.
 */
async function linkComplaints(db: Database): Promise<Pick<InductionReport, 'complaints' | 'linkedComplaints'>> {
  const matters = await db.read<{ id: string; words: string[]; size: number }>(Q.complaintMatcherMatters);
  // No induced matter: nothing to link (deleting a matter took its complaint links with it).
  if (matters.length === 0) return { complaints: 0, linkedComplaints: 0 };
  const fingerprint = createHash('sha1')
    .update(JSON.stringify([...matters].sort((a, b) => (a.id < b.id ? -1 : 1))))
    .digest('hex');
  let complaints = 0;
  let linkedComplaints = 0;
  for (let after = ''; ;) {
    const page = await db.read<{ id: string; text: string | null }>(Q.untaggedComplaints, { after, fingerprint, limit: COMPLAINT_PAGE });
    if (page.length === 0) break;
    const rows = page.map((c) => ({ id: c.id, matter: c.text ? matterOfText(normalizeText(c.text), matters) : null }));
    const ids = rows.map((row) => row.id);
    await db.writeTx(async (tx) => {
      await untallyComplaints(tx, ids);
      await tx.run(Q.linkComplaintsToInducedMatters, { rows, fingerprint });
      await tallyComplaints(tx, ids);
      if (rows.some((row) => row.matter !== null)) await bumpGraphRevision(tx, ['complaints']);
    }, 'linkComplaintsToInducedMatters');
    complaints += page.length;
    linkedComplaints += rows.filter((row) => row.matter !== null).length;
    after = page.at(-1)!.id;
  }
  return { complaints, linkedComplaints };
}

interface InducedMatterRow {
  id: string;
  source: string | null;
  name: string;
  words: string[];
  confirmed: boolean;
  mergedInto: string | null;
  members: string[];
}

/** An induced matter an analyst may decide on; a clear error for anything else. */
async function decidable(tx: Tx, id: string): Promise<InducedMatterRow> {
  const [matter] = await tx.run<InducedMatterRow>(Q.inducedMatter, { id });
  if (!matter) throw new AppError(ErrorCode.NOT_FOUND, `matter "${id}" does not exist`);
  if (matter.source !== 'induced')
    throw new AppError(ErrorCode.BAD_USER_INPUT, `matter "${id}" was imported with the lists; only induced matters are decided on here`);
  if (matter.mergedInto) throw new AppError(ErrorCode.CONFLICT, `matter "${id}" was merged into "${matter.mergedInto}"`);
  return matter;
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new AppError(ErrorCode.BAD_USER_INPUT, 'name: 1 to 100 characters');
  return trimmed;
}

/** The decisions analysts take on induced matters; each one transaction, bumping the revision. */
export const matterDecisions = {
  rename: (db: Database, id: string, name: string) =>
    decide(db, 'renameMatter', async (tx) => {
      await decidable(tx, id);
      await tx.run(Q.renameMatter, { id, name: cleanName(name) });
      return id;
    }),
  confirm: (db: Database, id: string) =>
    decide(db, 'confirmMatter', async (tx) => {
      await decidable(tx, id);
      await tx.run(Q.confirmMatter, { id });
      return id;
    }),
  merge: (db: Database, into: string, from: string[]) =>
    decide(db, 'mergeMatters', async (tx) => {
      const others = [...new Set(from)].filter((id) => id !== into);
      if (others.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'from: name at least one other induced matter to merge');
      await decidable(tx, into);
      for (const id of others) await decidable(tx, id);
      await tx.run(Q.mergeMatters, { into, from: others });
      await recountMatters(tx, [into, ...others]);
      return into;
    }),
  split: (db: Database, id: string, items: string[], name: string) =>
    decide(db, 'splitMatter', async (tx) => {
      const matter = await decidable(tx, id);
      const moving = [...new Set(items)];
      const members = new Set(matter.members);
      const strangers = moving.filter((code) => !members.has(code));
      if (strangers.length > 0) throw new AppError(ErrorCode.BAD_USER_INPUT, `items: not members of "${id}": ${strangers.slice(0, 5).join(', ')}`);
      if (moving.length === 0 || moving.length >= members.size) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'items: move at least one member and leave at least one');
      }
      const newName = cleanName(name);
      const newId = `${INDUCED_PREFIX}${newName}`;
      const [taken] = await tx.run<InducedMatterRow>(Q.inducedMatter, { id: newId });
      if (taken) throw new AppError(ErrorCode.CONFLICT, `matter "${newId}" already exists; choose another name`);
      await tx.run(Q.splitMatter, { id, newId, name: newName, words: [newName], items: moving });
      return newId;
    }),
};

async function decide(db: Database, label: string, work: (tx: Tx) => Promise<string>): Promise<{ id: string }> {
  return db.writeTx(async (tx) => {
    const id = await work(tx);
    await bumpGraphRevision(tx, ['lists']);
    return { id };
  }, label);
}
