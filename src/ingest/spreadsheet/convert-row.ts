import type { RawEntry } from '../record-sources.js';
import type { ColumnMapping, SheetKind } from './columns.js';
import type { NameDirectory } from './directory.js';
import {
  boundaryStatus,
  dateTime,
  itemLevel,
  itemType,
  legalBases,
  routeOutcome,
  satisfaction,
  shortHash,
  splitList,
  splitParagraphs,
  yesNo,
} from './list-words.js';
import type { Table } from './read-table.js';

/**
 * Turns one spreadsheet row into the bundle record it stands for: words into enums, names
 * into ids, cells into lists. A cell it cannot read becomes an error naming row and column;
 * the record then goes through the same validation as any bundle record.
 */

type Cells = (field: string) => string;

class RowProblems {
  readonly list: { column: string; error: string }[] = [];
  constructor(private readonly header: (field: string) => string) {}
  add(field: string, error: string): undefined {
    this.list.push({ column: this.header(field), error });
    return undefined;
  }
}

function lookup(problems: RowProblems, field: string, found: { id?: string; error?: string }): string | undefined {
  return found.id ?? problems.add(field, found.error!);
}

function word<T>(problems: RowProblems, field: string, cell: string, read: (w: string) => T | undefined, what: string): T | undefined {
  if (cell === '') return undefined;
  const value = read(cell);
  return value ?? problems.add(field, `"${cell}" is not a known ${what}`);
}

function integer(problems: RowProblems, field: string, cell: string): number | undefined {
  if (cell === '') return undefined;
  return /^\d+$/.test(cell) ? Number(cell) : problems.add(field, `"${cell}" is not a whole number`);
}

const CONVERTERS: Record<SheetKind['file'], (cell: Cells, dir: NameDirectory, p: RowProblems) => Record<string, unknown> | undefined> = {
  powerItems(cell, dir, p) {
    const department = lookup(p, 'department', dir.department(cell('department')));
    const sections = splitList(cell('sections')).map((name) => (department ? lookup(p, 'sections', dir.section(department, name)) : undefined));
    const matters = splitList(cell('matters')).map((name) => lookup(p, 'matters', dir.matter(name)));
    const supervision = splitParagraphs(cell('supervision'));
    const bases = cell('legalBasis') ? legalBases(cell('legalBasis')) : [];
    return {
      code: cell('code'),
      name: cell('name'),
      type: word(p, 'type', cell('type'), itemType, 'item type (事项类型)'),
      department,
      ...(sections.length ? { sections } : {}),
      ...(cell('level') ? { level: word(p, 'level', cell('level'), itemLevel, 'level (实施层级)') } : {}),
      ...(cell('description') ? { description: cell('description') } : {}),
      ...(bases.length ? { legalBasis: bases } : {}),
      ...(supervision.length ? { supervision } : {}),
      ...(matters.length ? { matters } : {}),
      ...(cell('correspondsTo') ? { correspondsTo: cell('correspondsTo') } : {}),
    };
  },
  sections(cell, dir, p) {
    const department = lookup(p, 'department', dir.department(cell('department')));
    if (!department) return undefined;
    const existing = dir.section(department, cell('name'));
    return {
      id: existing.id ?? `${department}-${shortHash(cell('name'))}`,
      department,
      name: cell('name'),
      posts: integer(p, 'posts', cell('posts')),
      ...(cell('staffed') ? { staffed: integer(p, 'staffed', cell('staffed')) } : {}),
    };
  },
  tasks(cell, dir, p) {
    const department = lookup(p, 'department', dir.department(cell('department')));
    const section = department ? lookup(p, 'section', dir.section(department, cell('section'))) : undefined;
    const matters = splitList(cell('matters')).map((name) => lookup(p, 'matters', dir.matter(name)));
    return {
      id: cell('id') || `${section ?? 'x'}-${shortHash(cell('name'))}`,
      section,
      name: cell('name'),
      ...(cell('flowchart') ? { flowchart: word(p, 'flowchart', cell('flowchart'), yesNo, 'yes/no (有/无)') } : {}),
      ...(cell('norm') ? { norm: word(p, 'norm', cell('norm'), yesNo, 'yes/no (有/无)') } : {}),
      ...(matters.length ? { matters } : {}),
    };
  },
  boundaryItems(cell, dir, p) {
    const lead = lookup(p, 'lead', dir.department(cell('lead')));
    const cooperating = splitList(cell('cooperating')).map((name) => lookup(p, 'cooperating', dir.department(name)));
    const matters = splitList(cell('matters')).map((name) => lookup(p, 'matters', dir.matter(name)));
    const region = cell('region') ? lookup(p, 'region', dir.region(cell('region'))) : undefined;
    return {
      id: cell('id') || `b-${shortHash(`${cell('title')}|${cell('lead')}`)}`,
      title: cell('title'),
      scope: 'department',
      lead,
      ...(cooperating.length ? { cooperating } : {}),
      matters,
      ...(cell('text') ? { text: cell('text') } : {}),
      ...(region ? { region } : {}),
      ...(cell('batch') ? { batch: /^\d+$/.test(cell('batch')) ? Number(cell('batch')) : cell('batch') } : {}),
      ...(cell('status') ? { status: word(p, 'status', cell('status'), boundaryStatus, 'status (已发布/草稿/已废止)') } : {}),
    };
  },
  complaints(cell, dir, p) {
    const receivedAt = word(p, 'receivedAt', cell('receivedAt'), dateTime, 'date-time (e.g. 2021-03-02 23:15)');
    const district = cell('district') ? lookup(p, 'district', dir.region(cell('district'))) : undefined;
    // A hotline's categories are its own; one we do not know leaves the complaint unclassified.
    const matter = cell('matter') ? dir.matter(cell('matter')).id : undefined;
    const chain = cell('department')
      .split(/\s*(?:→|->|＞|>)\s*/)
      .filter((s) => s !== '');
    const at = cell('at') ? word(p, 'at', cell('at'), dateTime, 'date-time') : receivedAt;
    const outcome = cell('outcome') ? word(p, 'outcome', cell('outcome'), routeOutcome, 'outcome (办结/退单/受理)') : 'accepted';
    const routes = chain.map((name, i) => {
      // Departments before the last in the chain sent the ticket on; the last one's result is the cell's.
      const result = i === chain.length - 1 ? outcome : 'returned';
      const reason = cell('reason') && (result === 'returned' || result === 'refused') ? { reason: cell('reason') } : {};
      return { department: lookup(p, 'department', dir.department(name)), at, outcome: result, ...reason };
    });
    return {
      id: cell('id'),
      text: cell('text'),
      receivedAt,
      ...(district ? { district } : {}),
      ...(matter ? { matter } : {}),
      ...(routes.length ? { routes } : {}),
      ...(cell('satisfied') ? { satisfied: word(p, 'satisfied', cell('satisfied'), satisfaction, 'satisfaction (满意/不满意)') } : {}),
    };
  },
  regions: () => undefined,
  departments: () => undefined,
  matters: () => undefined,
  serviceItems: () => undefined,
  volumes: () => undefined,
};

/** Where a row is, as errors name it: file:sheet:row (file:row for CSV). */
export function rowWhere(table: Table, row: number): string {
  return table.sheet ? `${table.file}:${table.sheet}:${row}` : `${table.file}:${row}`;
}

/** The entries (a record, or the errors of its cells) of one row. */
export function convertRow(table: Table, mapping: ColumnMapping, row: { row: number; cells: string[] }, directory: NameDirectory): RawEntry[] {
  const where = rowWhere(table, row.row);
  const header = (field: string) => table.header[mapping.indexOf.get(field) ?? -1] ?? field;
  const cell: Cells = (field) => {
    const index = mapping.indexOf.get(field);
    return index === undefined ? '' : (row.cells[index] ?? '');
  };
  const problems = new RowProblems(header);
  const value = CONVERTERS[mapping.kind.file](cell, directory, problems);
  if (problems.list.length > 0 || value === undefined) {
    return problems.list.map(({ column, error }) => ({ where, column, error }));
  }
  const columns = Object.fromEntries([...mapping.indexOf.keys()].map((field) => [field, header(field)]));
  return [{ where, value: JSON.parse(JSON.stringify(value)), columns }];
}
