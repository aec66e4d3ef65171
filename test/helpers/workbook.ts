import * as XLSX from '@e965/xlsx';

/** One sheet of a workbook made for a test: its rows as text, and its merged ranges ("A1:H1"). */
export interface SheetSpec {
  name: string;
  rows: string[][];
  merges?: string[];
}

/**
 * The bytes of a workbook as a list's author would save it: .xlsx, or old Excel (.xls, BIFF8),
 * merged cells holding their value in the first cell only, as Excel keeps them.
 */
export function workbookBytes(sheets: SheetSpec[], bookType: 'xlsx' | 'biff8'): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const worksheet = XLSX.utils.aoa_to_sheet(sheet.rows);
    worksheet['!merges'] = (sheet.merges ?? []).map((range) => XLSX.utils.decode_range(range));
    XLSX.utils.book_append_sheet(workbook, worksheet, sheet.name);
  }
  return XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer;
}
