import type { RawEntry } from '../record-sources.js';
import type { SheetKind } from './columns.js';
import type { NameDirectory } from './directory.js';
import type { MappedTable } from './find-header.js';
import {
  boundaryStatus,
  dateTime,
  itemLevel,
  itemType,
  legalBases,
  routeOutcome,
  ratingWord,
  satisfaction,
  shortHash,
  splitList,
  splitParagraphs,
  yesNo,
} from './list-words.js';
import type { Row, Table } from './read-table.js';

/**
 * Turns one spreadsheet row into the bundle record it stands for: words into enums, names
 * into ids, cells into lists. A cell it cannot read becomes an error naming row and column;
 * the record then goes through the same validation as any bundle record.
 */

type Cells = (field: string) => string;

/** What a list's rows get when they do not say it in words the graph knows (`dutygraph import --department`). */
export interface ListDefaults {
  department?: string;
}

class RowProblems {
  readonly list: { column: string; error: string }[] = [];
  /** What was left out of the row on purpose (a name that is not a section of the department). */
  readonly notes: string[] = [];
  constructor(private readonly header: (field: string) => string) {}
  add(field: string, error: string): undefined {
    this.list.push({ column: this.header(field), error });
    return undefined;
  }
  note(field: string, text: string): undefined {
    this.notes.push(`${this.header(field)}: ${text}`);
    return undefined;
  }
}

/** What a sheet of a list is about, from its name: "行政处罚（5项）" -> penalty. */
function sheetItemType(sheet: string | undefined) {
  const word = sheet?.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '');
  return word ? itemType(word) : undefined;
}

/** Cells that say there is nothing (no sub-item, no code). */
const NOTHING = new Set(['无', '/', '-', '—', '——', '无子项', '暂无']);

/**
 * The id of a power item whose list gives no code: from its department and full name (with its
 * sub-item), so that the same list, or next year's, finds the same item again.
 */
export function derivedItemCode(department: string, fullName: string): string {
  return `${department}-${shortHash(fullName.replace(/\s+/g, ''))}`;
}

/**
 * The department a list's row belongs to: the body its cell names, when the graph knows it;
 * else the one given for the file; else an error that says how to fix it.
 */
function rowDepartment(p: RowProblems, cell: string, dir: NameDirectory, defaults: ListDefaults): string | undefined {
  const found = cell ? dir.department(cell) : undefined;
  if (found?.id) return found.id;
  if (defaults.department) return defaults.department;
  return p.add(
    'department',
    cell
      ? `${found!.error}; add "${cell}" to the aliases of its department, or import the file with --department ID`
      : 'no department named; import the file with --department ID',
  );
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

type Converter = (cell: Cells, dir: NameDirectory, p: RowProblems, context: { table: Table; defaults: ListDefaults }) => Record<string, unknown> | undefined;

const CONVERTERS: Record<SheetKind['file'], Converter> = {
  powerItems(cell, dir, p, { table, defaults }) {
    const department = rowDepartment(p, cell('department'), dir, defaults);
    // Sections a list names that the graph does not hold (most lists name their 承办机构 loosely)
    // leave the item without them rather than out of the import.
    const sections = department
      ? splitList(cell('sections')).flatMap((name) => {
          const found = dir.section(department, name);
          return found.id ? [found.id] : (p.note('sections', `"${name}" is not a section of ${department}; items are imported without it`) ?? []);
        })
      : [];
    const matters = splitList(cell('matters')).map((name) => lookup(p, 'matters', dir.matter(name)));
    const supervision = splitParagraphs(cell('supervision'));
    const bases = cell('legalBasis') ? legalBases(cell('legalBasis')) : [];
    const subItem = NOTHING.has(cell('subItem')) ? '' : cell('subItem');
    const name = subItem ? `${cell('name')}（${subItem}）` : cell('name');
    const code = NOTHING.has(cell('code')) ? '' : cell('code');
    const type = cell('type') ? word(p, 'type', cell('type'), itemType, 'item type (权力类型)') : sheetItemType(table.sheet);
    if (!cell('type') && !type) p.add('type', `no 权力类型 column, and the sheet's name (${table.sheet ?? 'none'}) names no type`);
    const level = cell('level') ? itemLevel(cell('level')) : undefined;
    if (cell('level') && !level) p.note('level', `"${cell('level').slice(0, 20)}" names no level (市级/县级); left out`);
    return {
      // Most lists have no code: the item's id then comes from its department, name and sub-item,
      // so next year's list, or the same list again, finds the same item.
      code: code || (department ? derivedItemCode(department, name) : ''),
      name,
      type,
      department,
      ...(sections.length ? { sections } : {}),
      ...(level ? { level } : {}),
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
      ...(cell('dueAt') ? { dueAt: word(p, 'dueAt', cell('dueAt'), dateTime, 'date-time') } : {}),
      ...(cell('closedAt') ? { closedAt: word(p, 'closedAt', cell('closedAt'), dateTime, 'date-time') } : {}),
      ...(cell('rating') ? { rating: word(p, 'rating', cell('rating'), ratingWord, 'rating (1–5, 非常满意…非常不满意)') } : {}),
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

/**
 * The entries of one row: its record, or the errors of its cells; and notes on what was left out
 * (named by sheet, not row, so that one note stands for every row it applies to).
 */
export function convertRow(table: MappedTable, row: Row, directory: NameDirectory, defaults: ListDefaults = {}): RawEntry[] {
  const { mapping } = table;
  const where = rowWhere(table, row.row);
  const header = (field: string) => table.header[mapping.indexOf.get(field) ?? -1] ?? field;
  const cell: Cells = (field) => {
    const index = mapping.indexOf.get(field);
    return index === undefined ? '' : (row.cells[index] ?? '');
  };
  const problems = new RowProblems(header);
  const value = CONVERTERS[mapping.kind.file](cell, directory, problems, { table, defaults });
  const notes: RawEntry[] = problems.notes.map((note) => ({ where: table.sheet ? `${table.file}:${table.sheet}` : table.file, note }));
  if (problems.list.length > 0 || value === undefined) {
    return [...problems.list.map(({ column, error }) => ({ where, column, error })), ...notes];
  }
  const columns = Object.fromEntries([...mapping.indexOf.keys()].map((field) => [field, header(field)]));
  return [{ where, value: JSON.parse(JSON.stringify(value)), columns }, ...notes];
}
