import ExcelJS from 'exceljs';
import type { Row } from './read-table.js';

/**
 * Reads the rows of an XLSX workbook's first worksheet one at a time (ExcelJS's streaming reader),
 * so a hotline export of hundreds of thousands of tickets never sits in memory whole: only the
 * shared strings table and the current row do. Merged cells are not reported in this mode;
 * exports have none (lists, which have them, are small and read whole).
 */

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

/** The non-empty rows of the first worksheet of the workbook at `path`, in order. */
export async function* streamXlsxRows(path: string): AsyncGenerator<Row> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
      const filled = Array.from(cells, (c) => c ?? '');
      if (filled.some((c) => c !== '')) yield { row: row.number, cells: filled };
    }
    return; // the first worksheet only
  }
}
