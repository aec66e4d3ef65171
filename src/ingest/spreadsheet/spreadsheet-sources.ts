import { extname } from 'node:path';
import type { RecordFile } from '../../model/bundle.js';
import type { EntrySource } from '../open-bundle.js';
import { mapColumns } from './columns.js';
import { convertRow, rowWhere } from './convert-row.js';
import type { NameDirectory } from './directory.js';
import { readCsv, readXlsx, TableError, type Table } from './read-table.js';

/** Gives the spreadsheet sources the name directory once the import has built it. */
export interface DirectoryHolder {
  directory?: NameDirectory;
}

export interface SpreadsheetSources {
  sources: { file: RecordFile; source: EntrySource }[];
  errors: string[];
}

export const SPREADSHEET_EXTENSIONS = new Set(['.csv', '.xlsx']);

/**
 * Reads a CSV or XLSX file and makes one source per table, for the bundle file its header says
 * it is (a 权责清单 sheet feeds powerItems, a 工单 sheet complaints, …). Rows are converted
 * when the source is iterated, with the directory the import built by then.
 */
export async function openSpreadsheet(path: string, holder: DirectoryHolder): Promise<SpreadsheetSources> {
  let tables: Table[];
  try {
    tables = extname(path).toLowerCase() === '.csv' ? readCsv(path) : await readXlsx(path);
  } catch (error) {
    if (error instanceof TableError) return { sources: [], errors: [error.message] };
    throw error;
  }
  const result: SpreadsheetSources = { sources: [], errors: [] };
  for (const table of tables) {
    const name = table.sheet ? `${table.file}:${table.sheet}` : table.file;
    const { mapping, problems } = mapColumns(table.header);
    if (!mapping) {
      result.errors.push(...problems.map((p) => `${rowWhere(table, table.headerRow)}: ${p}`));
      continue;
    }
    result.sources.push({
      file: mapping.kind.file,
      source: {
        name,
        async *entries() {
          const directory = holder.directory;
          if (!directory) throw new Error('spreadsheet rows are converted only after the import built its name directory');
          for (const row of table.rows) yield* convertRow(table, mapping, row, directory);
        },
      },
    });
  }
  return result;
}
