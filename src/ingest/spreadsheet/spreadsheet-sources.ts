import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { RecordFile } from '../../model/record-kinds.js';
import type { BundleFile, BundleProblem, EntrySource, RawEntry } from '../record-sources.js';
import { convertRow, derivedItemCode, rowWhere, type ListDefaults } from './convert-row.js';
import type { NameDirectory } from './directory.js';
import { dataRowSelector, findHeader, HEADER_SEARCH_ROWS, type MappedTable } from './find-header.js';
import { readCsv, readWorkbook, TableError, type Row, type Table } from './read-table.js';
import { streamXlsxRows } from './stream-xlsx.js';

export { SPREADSHEET_EXTENSIONS } from './read-table.js';
export type { ListDefaults } from './convert-row.js';

/** A spreadsheet table waiting for the name directory, which needs the rest of the bundle. */
export interface PendingSource {
  file: RecordFile;
  open(directory: NameDirectory): EntrySource;
}

export interface SpreadsheetTables {
  sources: PendingSource[];
  errors: BundleProblem[];
  notes: BundleProblem[];
}

function readTables(source: BundleFile): Table[] {
  return extname(source.name).toLowerCase() === '.csv' ? readCsv(source) : readWorkbook(source);
}

/** XLSX files this large are read as a stream (a hotline export), not whole (a list). */
const STREAM_FROM_BYTES = 8 * 2 ** 20;

/**
 * A large XLSX file's first worksheet as a stream: its header found in its first rows, its data
 * rows read again, one at a time, at each pass over the source.
 */
async function streamedTable(path: string, file: string): Promise<{ table: MappedTable; problem?: undefined } | { table?: undefined; problem: string }> {
  const head: Row[] = [];
  try {
    for await (const row of streamXlsxRows(path)) {
      head.push(row);
      if (head.length >= HEADER_SEARCH_ROWS + 2) break;
    }
  } catch (error) {
    return { problem: `not a readable XLSX workbook: ${(error as Error).message}` };
  }
  const found = findHeader({ file, sheet: undefined, rows: head });
  if (!found.table) return found;
  const { mapping, header, headerRow } = found.table;
  const stream = async function* () {
    const select = dataRowSelector(mapping, header);
    for await (const row of streamXlsxRows(path)) {
      const kept = row.row > headerRow ? select(row) : undefined;
      if (kept) yield kept;
    }
  };
  return { table: { ...found.table, rows: [], stream } };
}

/** The key field of a record a row became, when the file may list the same record twice. */
const KEY_FIELD: Partial<Record<RecordFile, string>> = { powerItems: 'code' };

/**
 * Entries of one file's tables (sheets), in order. Lists repeat themselves: a print sheet beside
 * the data sheet, an item listed once per level with merged cells (自治区/地州市/县市区 rows of one
 * item). A record met again in the same file is folded into the first, and said so once.
 */
function fileEntries(tables: MappedTable[], directory: NameDirectory, defaults: ListDefaults): AsyncIterable<RawEntry> {
  return {
    async *[Symbol.asyncIterator]() {
      const seen = new Map<string, string>();
      const noted = new Set<string>();
      let folded = 0;
      for (const table of tables) {
        if (table.mapping.ignored.length > 0) {
          yield { where: rowWhere(table, table.headerRow), note: `columns not read: ${table.mapping.ignored.join('、')}` };
        }
        const keyField = KEY_FIELD[table.mapping.kind.file];
        for await (const row of table.stream?.() ?? table.rows) {
          for (const entry of convertRow(table, row, directory, defaults)) {
            if (entry.note !== undefined) {
              if (!noted.has(`${entry.where}|${entry.note}`)) yield entry;
              noted.add(`${entry.where}|${entry.note}`);
              continue;
            }
            const record = entry.value as Record<string, unknown> | undefined;
            const key = keyField && record ? String(record[keyField]) : undefined;
            if (key !== undefined && seen.has(key)) {
              // The same item again is folded; another item under the same code is the list's
              // mistake: it keeps its own (derived) id, and the user hears of it.
              const own = derivedItemCode(String(record!.department), String(record!.name));
              if (seen.get(key) === record!.name || seen.has(own)) {
                folded++;
                continue;
              }
              yield { where: entry.where, note: `code ${key} is also given to "${seen.get(key)}"; this item gets its own id, ${own}` };
              seen.set(own, String(record!.name));
              yield { where: entry.where, value: { ...record, [keyField!]: own }, ...(entry.error === undefined ? { columns: entry.columns } : {}) };
              continue;
            }
            if (key !== undefined) seen.set(key, String(record!.name));
            yield entry;
          }
        }
      }
      if (folded > 0)
        yield { where: tables[0]!.file, note: `${folded} rows repeat an item listed before them in the file (a print sheet, or one row per level); read once` };
    },
  };
}

/**
 * Reads a CSV, XLSX or XLS file and makes one pending source per list it holds, for the bundle
 * file its header says it is (a 权责清单 sheet feeds powerItems, a 工单 sheet complaints, …),
 * wherever the header row is. A workbook's sheets that hold no list are left out with a note;
 * a file none of whose tables is a list is an error. Rows name departments and sections in
 * words: they are converted with the directory the source is opened with. An XLSX file of
 * `streamFromBytes` or more (a hotline export) is read as a stream, its first worksheet only.
 */
export async function openSpreadsheet(source: BundleFile, defaults: ListDefaults = {}, streamFromBytes = STREAM_FROM_BYTES): Promise<SpreadsheetTables> {
  const streamed = source.path !== undefined && extname(source.name).toLowerCase() === '.xlsx' && statSync(source.path).size >= streamFromBytes;
  let tables: Table[];
  try {
    tables = streamed ? [{ file: source.name, sheet: undefined, rows: [] }] : readTables(source);
  } catch (error) {
    if (error instanceof TableError) return { sources: [], errors: [{ where: error.where, reason: error.reason }], notes: [] };
    throw error;
  }
  const result: SpreadsheetTables = { sources: [], errors: [], notes: [] };
  const mapped = new Map<RecordFile, MappedTable[]>();
  const unrecognised: BundleProblem[] = [];
  for (const table of tables) {
    const found = streamed ? await streamedTable(source.path!, source.name) : findHeader(table);
    const where = table.sheet ? `${table.file}:${table.sheet}` : table.file;
    if (!found.table) {
      unrecognised.push({ where, reason: found.problem });
      continue;
    }
    const file = found.table.mapping.kind.file;
    mapped.set(file, [...(mapped.get(file) ?? []), found.table]);
  }
  if (mapped.size === 0) return { ...result, errors: unrecognised };
  result.notes.push(...unrecognised.map(({ where }) => ({ where, reason: 'no list recognised in this sheet; not read' })));
  for (const [file, lists] of mapped) {
    result.sources.push({ file, open: (directory) => ({ name: source.name, entries: () => fileEntries(lists, directory, defaults) }) });
  }
  return result;
}
