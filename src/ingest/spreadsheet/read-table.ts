import { parse } from 'csv-parse/sync';
import * as XLSX from '@e965/xlsx';
import { fileBytes, type BundleFile } from '../record-sources.js';

/**
 * Reads the tables of a spreadsheet file: a CSV file is one table; each worksheet of an XLSX or
 * XLS workbook is one. Cells come back as trimmed strings (dates as text), merged cells filled
 * with their value in every cell they cover, rows with their spreadsheet row number, so problems
 * can be named `file:sheet:row:column`. Where the header is, is find-header.ts's question.
 */

export interface Row {
  /** The 1-based row number in the sheet. */
  row: number;
  cells: string[];
}

export interface Table {
  file: string;
  /** The worksheet name; undefined for CSV. */
  sheet: string | undefined;
  /** The non-empty rows, in order. */
  rows: Row[];
}

/** Spreadsheet file extensions the importer reads. */
export const SPREADSHEET_EXTENSIONS = new Set(['.csv', '.xlsx', '.xls']);

/** A table that cannot be read: where (file, sheet, row, column) and why. */
export class TableError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
  }
}

/** The longest cell accepted: a list's longest real cell (a legal-basis text) is far shorter. */
const MAX_CELL_CHARS = 20_000;

/** Decodes a CSV file as UTF-8, else as GB18030 (GBK), as Excel on Chinese Windows saves CSV. */
function decodeCsv(buffer: Buffer, file: string): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
    } catch {
      // try the next encoding
    }
  }
  throw new TableError(file, 'neither UTF-8 nor GBK text; save the file as UTF-8 CSV');
}

/** The table of a sheet's rows: empty rows dropped, over-long cells refused. */
function toTable(file: string, sheet: string | undefined, rows: Row[]): Table {
  const kept = rows.filter((r) => r.cells.some((c) => c !== ''));
  checkCells(sheet ? `${file}:${sheet}` : file, kept);
  return { file, sheet, rows: kept };
}

function checkCells(where: string, rows: Row[]): void {
  for (const { row, cells } of rows) {
    const long = cells.findIndex((c) => c.length > MAX_CELL_CHARS);
    if (long >= 0) throw new TableError(`${where}:${row}:${columnLetter(long)}`, `cell longer than ${MAX_CELL_CHARS} characters`);
  }
}

/** Spreadsheet column letters: 0 -> A, 26 -> AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Reads a CSV file into one table. */
export function readCsv(source: BundleFile): Table[] {
  const file = source.name;
  const buffer = fileBytes(source);
  if (buffer.length === 0) throw new TableError(file, 'empty file');
  let records: string[][];
  try {
    records = parse(decodeCsv(buffer, file), { relax_column_count: true, skip_empty_lines: false, trim: true, max_record_size: MAX_CELL_CHARS * 4 });
  } catch (error) {
    if (error instanceof TableError) throw error;
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === 'CSV_MAX_RECORD_SIZE') throw new TableError(`${file}:${lines}`, `row too long; a cell may hold at most ${MAX_CELL_CHARS} characters`);
    throw new TableError(file, `not a readable CSV file: ${(error as Error).message}`);
  }
  const table = toTable(
    file,
    undefined,
    records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) })),
  );
  if (table.rows.length === 0) throw new TableError(file, 'no rows');
  return [table];
}

/**
 * Reads every non-empty worksheet of an Excel workbook, .xlsx or old .xls (BIFF8), with SheetJS
 * (decision 005): cells as Excel shows them (dates as yyyy-mm-dd hh:mm:ss), merged cells filled.
 */
export function readWorkbook(source: BundleFile): Table[] {
  const file = source.name;
  const bytes = fileBytes(source);
  // SheetJS reads almost anything as a sheet (text, HTML): an .xlsx must at least be a workbook,
  // a zip archive or, as lists saved by old Excel and merely renamed are, an OLE compound file.
  const signature = bytes.subarray(0, 4).toString('hex');
  if (file.toLowerCase().endsWith('.xlsx') && !signature.startsWith('504b') && signature !== 'd0cf11e0') {
    throw new TableError(file, 'not a readable XLSX workbook (neither a zip archive nor an old Excel file)');
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'buffer', cellDates: true, dateNF: 'yyyy-mm-dd hh:mm:ss', cellHTML: false, cellStyles: false });
  } catch (error) {
    throw new TableError(file, `not a readable Excel workbook: ${(error as Error).message}`);
  }
  const tables: Table[] = [];
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet?.['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: '', raw: false, blankrows: true, dateNF: 'yyyy-mm-dd hh:mm:ss' });
    const text = (r: number, c: number) => String(grid[r - range.s.r]?.[c - range.s.c] ?? '').trim();
    const cells = grid.map((row, i) => row.map((_, j) => text(range.s.r + i, range.s.c + j)));
    for (const merge of sheet['!merges'] ?? []) {
      const value = text(merge.s.r, merge.s.c);
      for (let r = merge.s.r; r <= merge.e.r; r++) {
        const row = (cells[r - range.s.r] ??= []);
        for (let c = merge.s.c; c <= merge.e.c; c++) row[c - range.s.c] = value;
      }
    }
    // Columns before the range's first are empty; keep positions as the sheet has them.
    const rows = cells.map((row, i) => ({ row: range.s.r + i + 1, cells: [...Array<string>(range.s.c).fill(''), ...Array.from(row, (c) => c ?? '')] }));
    const table = toTable(file, name, rows);
    if (table.rows.length > 0) tables.push(table);
  }
  if (tables.length === 0) throw new TableError(file, 'the workbook has no data');
  return tables;
}
