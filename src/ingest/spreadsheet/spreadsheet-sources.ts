import { extname } from 'node:path';
import type { RecordFile } from '../../model/record-kinds.js';
import type { BundleFile, BundleProblem, EntrySource } from '../record-sources.js';
import { mapColumns } from './columns.js';
import { convertRow, rowWhere } from './convert-row.js';
import type { NameDirectory } from './directory.js';
import { readCsv, readXlsx, TableError, type Table } from './read-table.js';

/** A source that can be opened once the import knows the names rows refer to. */
export interface PendingSource {
  file: RecordFile;
  open(directory: NameDirectory): EntrySource;
}

export interface SpreadsheetTables {
  sources: PendingSource[];
  errors: BundleProblem[];
}

export const SPREADSHEET_EXTENSIONS = new Set(['.csv', '.xlsx']);

/**
 * Reads a CSV or XLSX file and makes one pending source per table, for the bundle file its
 * header says it is (a 权责清单 sheet feeds powerItems, a 工单 sheet complaints, …). Rows name
 * departments and sections in words: they are converted with the directory the source is opened with.
 */
export async function openSpreadsheet(source: BundleFile): Promise<SpreadsheetTables> {
  let tables: Table[];
  try {
    tables = extname(source.name).toLowerCase() === '.csv' ? readCsv(source) : await readXlsx(source);
  } catch (error) {
    if (error instanceof TableError) return { sources: [], errors: [{ where: error.where, reason: error.reason }] };
    throw error;
  }
  const result: SpreadsheetTables = { sources: [], errors: [] };
  for (const table of tables) {
    const name = table.sheet ? `${table.file}:${table.sheet}` : table.file;
    const { mapping, problems } = mapColumns(table.header);
    if (!mapping) {
      result.errors.push(...problems.map((reason) => ({ where: rowWhere(table, table.headerRow), reason })));
      continue;
    }
    result.sources.push({
      file: mapping.kind.file,
      open: (directory) => ({
        name,
        async *entries() {
          for (const row of table.rows) yield* convertRow(table, mapping, row, directory);
        },
      }),
    });
  }
  return result;
}
