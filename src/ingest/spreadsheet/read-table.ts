import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileBytes, type BundleFile } from '../record-sources.js';

/**
 * Reads the tables of a spreadsheet file: a CSV file is one table; each worksheet of an XLSX
 * workbook is one. Cells come back as trimmed strings (dates as ISO strings), rows with their
 * spreadsheet row number, so problems can be named `file:sheet:row:column`.
 */

export interface Table {
  file: string;
  /** The worksheet name; undefined for CSV. */
  sheet: string | undefined;
  header: string[];
  /** The 1-based row number of the header; data rows follow it. */
  headerRow: number;
  rows: { row: number; cells: string[] }[];
}

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

/** Finds the header: the first row with at least two non-empty cells (titles above it are skipped). */
function splitHeader(file: string, sheet: string | undefined, rows: { row: number; cells: string[] }[]): Table {
  const headerIndex = rows.findIndex((r) => r.cells.filter((c) => c !== '').length >= 2);
  const where = sheet ? `${file}:${sheet}` : file;
  if (headerIndex < 0) throw new TableError(where, 'empty, or no header row');
  const header = rows[headerIndex]!.cells;
  const data = rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c !== ''));
  return { file, sheet, header, headerRow: rows[headerIndex]!.row, rows: data };
}

function checkCells(where: string, rows: { row: number; cells: string[] }[]): void {
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
  const rows = records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) }));
  checkCells(file, rows);
  return [splitHeader(file, undefined, rows)];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel times carry no zone; ExcelJS reads them as UTC. Keep the wall-clock time as shown.
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** Reads every non-empty worksheet of an XLSX workbook. */
export async function readXlsx(source: BundleFile): Promise<Table[]> {
  const file = source.name;
  const workbook = new ExcelJS.Workbook();
  try {
    if (source.path !== undefined) await workbook.xlsx.readFile(source.path);
    else await workbook.xlsx.load(fileBytes(source) as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableError(file, `not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const tables: Table[] = [];
  workbook.eachSheet((sheet) => {
    const rows: { row: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
      rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
    if (rows.length === 0) return;
    checkCells(`${file}:${sheet.name}`, rows);
    tables.push(splitHeader(file, sheet.name, rows));
  });
  if (tables.length === 0) throw new TableError(file, 'the workbook has no data');
  return tables;
}
