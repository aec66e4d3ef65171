import { createHash } from 'node:crypto';

/**
 * The double-random draw (双随机): departments at random from the year's roster, then sections
 * at random in each drawn department, reproducible by anyone from public inputs, in the spirit
 * of RFC 3797 (publicly verifiable selection):
 *
 * 1. The roster is fixed and published first: departments sorted by id, each with its sections
 *    sorted by id, one line each (`department<TAB>id<TAB>name`, `section<TAB>id<TAB>name`), and
 *    its SHA-256 (the roster hash). A changed roster has another hash.
 * 2. The seed is a text nobody knows before the roster is published (a lottery result, say).
 *    It is normalised (Unicode NFC, runs of white space to one space, trimmed).
 * 3. The k-th department is chosen as SHA-256("<roster hash>\n<seed>\ndepartment\n<k>") read as
 *    an unsigned big-endian integer, modulo the number of departments not yet chosen, indexing
 *    them in roster order; chosen ones are removed (k = 0, 1, …).
 * 4. In each chosen department, its k-th section likewise from
 *    SHA-256("<roster hash>\n<seed>\nsection\n<department id>\n<k>").
 *
 * With 256-bit hashes the modulo's bias is below 2^-240. Pure (hashing only).
 */

export interface RosterDepartment {
  id: string;
  name: string;
  sections: { id: string; name: string }[];
}

export interface Draw {
  year: number;
  seed: string;
  rosterHash: string;
  rosterSize: { departments: number; sections: number };
  departments: { id: string; name: string; sections: { id: string; name: string }[] }[];
  algorithm: string;
}

const DRAW_ALGORITHM =
  'SHA-256 of the roster (departments then sections, sorted by id, one tab-separated line each); ' +
  'k-th department = SHA-256("<roster hash>\\n<seed>\\ndepartment\\n<k>") mod (departments left), in roster order; ' +
  'k-th section of a department = SHA-256("<roster hash>\\n<seed>\\nsection\\n<department id>\\n<k>") mod (sections left); ' +
  'seed normalised to NFC, white space collapsed and trimmed (docs/evaluation.md)';

/** The roster in its published order: departments and their sections sorted by id. */
export function sortRoster(departments: RosterDepartment[]): RosterDepartment[] {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...departments].sort(byId).map((d) => ({ ...d, sections: [...d.sections].sort(byId) }));
}

/** The roster as the text whose hash is published, one line a department or section. */
export function rosterText(roster: RosterDepartment[]): string {
  const clean = (text: string) => text.replace(/[\t\n\r]/g, ' ');
  const lines: string[] = [];
  for (const d of sortRoster(roster)) {
    lines.push(`department\t${clean(d.id)}\t${clean(d.name)}`);
    for (const s of d.sections) lines.push(`section\t${clean(s.id)}\t${clean(s.name)}`);
  }
  return lines.join('\n') + '\n';
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The roster hash published before the draw: SHA-256 of rosterText(), hex. */
export function rosterHash(roster: RosterDepartment[]): string {
  return sha256(rosterText(roster));
}

/** The seed as it enters the hash: NFC, white space collapsed, trimmed. */
export function normaliseSeed(seed: string): string {
  return seed.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Draws `count` of `pool` by the hashes of `label(k)`, in roster order. */
function pick<T>(pool: T[], count: number, label: (k: number) => string): T[] {
  const left = [...pool];
  const chosen: T[] = [];
  for (let k = 0; k < count && left.length > 0; k++) {
    const at = Number(BigInt(`0x${sha256(label(k))}`) % BigInt(left.length));
    chosen.push(left.splice(at, 1)[0]!);
  }
  return chosen;
}

/** The draw: `departments` departments, then `sections` sections in each (all when it has fewer). */
export function drawDepartments(roster: RosterDepartment[], options: { year: number; seed: string; departments: number; sections: number }): Draw {
  const seed = normaliseSeed(options.seed);
  if (seed === '') throw new RangeError('the seed is empty');
  const sorted = sortRoster(roster);
  const hash = rosterHash(sorted);
  const departments = pick(sorted, options.departments, (k) => `${hash}\n${seed}\ndepartment\n${k}`).map((d) => ({
    id: d.id,
    name: d.name,
    sections: pick(d.sections, options.sections, (k) => `${hash}\n${seed}\nsection\n${d.id}\n${k}`),
  }));
  return {
    year: options.year,
    seed,
    rosterHash: hash,
    rosterSize: { departments: sorted.length, sections: sorted.reduce((n, d) => n + d.sections.length, 0) },
    departments,
    algorithm: DRAW_ALGORITHM,
  };
}
