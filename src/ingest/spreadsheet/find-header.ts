import { KNOWN_HEADERS, mapColumns, normalizeHeader, type ColumnMapping } from './columns.js';
import type { Row, Table } from './read-table.js';

/** A table whose header was found: the list it is, its columns, and the data rows below. */
export interface MappedTable extends Table {
  header: string[];
  /** The row number of the header (its last row when it spans two). */
  headerRow: number;
  mapping: ColumnMapping;
  /** For a table read as a stream: its data rows, read again at each pass (then `rows` is empty). */
  stream?: () => AsyncIterable<Row>;
}

/** Rows searched for the header: titles, dates and notes above it are rarely more than a few. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * A header over two rows, as one: a group title merged over its columns ("实施层级及权限" over
 * two) with the words below it. Where the lower row names a known column it wins; where it only
 * qualifies the upper one, the two are read together.
 */
function combine(top: Row, bottom: Row): string[] {
  const width = Math.max(top.cells.length, bottom.cells.length);
  return Array.from({ length: width }, (_, c) => {
    const upper = top.cells[c] ?? '';
    const lower = bottom.cells[c] ?? '';
    if (lower === '' || lower === upper) return upper;
    if (upper === '' || KNOWN_HEADERS.has(normalizeHeader(lower))) return lower;
    return `${upper}${lower}`;
  });
}

/**
 * A row whose cells all say one thing: a title or a note merged across the table ("克拉玛依市…
 * 权责清单", "备注：包括市、区两级…") or written in its first cell alone; never a header or a
 * record. (A sub-item's row may hold one cell too, but not the first.)
 */
function isBanner(row: Row): boolean {
  const filled = row.cells.filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => c === filled[0]) && (filled.length > 1 || row.cells[0] !== '');
}

/** A row that repeats the header (print sheets repeat it on every page). */
function repeatsHeader(row: Row, mapping: ColumnMapping, header: string[]): boolean {
  const nameColumn = mapping.indexOf.get('name') ?? mapping.indexOf.values().next().value!;
  return normalizeHeader(row.cells[nameColumn] ?? '') === normalizeHeader(header[nameColumn] ?? '');
}

/**
 * Finds where a table's header is and which list it is: among the first rows, the one (or the
 * pair of rows) whose words map the most columns of some list. Title rows, notes and blank
 * rows above it are skipped; repeated header rows and notes (banners) below it are dropped.
 */
export function findHeader(table: Table): { table: MappedTable; problem?: undefined } | { table?: undefined; problem: string } {
  let best: { at: number; span: 1 | 2; header: string[]; mapping: ColumnMapping } | undefined;
  let problem = 'no header row';
  const search = table.rows.slice(0, HEADER_SEARCH_ROWS);
  search.forEach((row, at) => {
    if (isBanner(row)) return;
    const next = search[at + 1];
    const candidates: { span: 1 | 2; header: string[] }[] = [{ span: 1, header: row.cells }];
    if (next) candidates.push({ span: 2, header: combine(row, next) });
    for (const { span, header } of candidates) {
      const { mapping, problems } = mapColumns(header);
      if (!mapping) {
        problem = problems[0] ?? problem;
        continue;
      }
      // A wider header wins; a two-row one only when it maps more than its first row alone.
      if (!best || mapping.indexOf.size > best.mapping.indexOf.size) best = { at, span, header, mapping };
    }
  });
  if (!best) return { problem };
  const { at, span, header, mapping } = best;
  const select = dataRowSelector(mapping, header);
  const rows = table.rows.slice(at + span).flatMap((row) => select(row) ?? []);
  return { table: { ...table, header, headerRow: table.rows[at + span - 1]!.row, mapping, rows } };
}

/** Fields a sub-item's row may leave to the row above it. */
const ITEM_FIELDS = ['name', 'type', 'department', 'legalBasis', 'sections', 'level'];

/**
 * The data rows below a header, one at a time (a table read whole, or as a stream): repeated
 * header rows and banners dropped; and sub-items listed under their item without repeating it
 * (a row with a sub-item and no item name continues the item above, a merged cell not saved as
 * one) take the item's name, type, department, basis, sections and level where their cells are empty.
 */
export function dataRowSelector(mapping: ColumnMapping, header: string[]): (row: Row) => Row | undefined {
  const name = mapping.indexOf.get('name');
  const subItem = mapping.indexOf.get('subItem');
  const fills = mapping.kind.file === 'powerItems' && name !== undefined && subItem !== undefined;
  let previous: Row | undefined;
  return (row) => {
    if (repeatsHeader(row, mapping, header) || isBanner(row)) return undefined;
    if (fills && previous && (row.cells[name] ?? '') === '' && (row.cells[subItem] ?? '') !== '') {
      const cells = [...row.cells];
      for (const field of ITEM_FIELDS) {
        const index = mapping.indexOf.get(field);
        if (index !== undefined && (cells[index] ?? '') === '') cells[index] = previous.cells[index] ?? '';
      }
      row = { ...row, cells };
    }
    previous = row;
    return row;
  };
}
