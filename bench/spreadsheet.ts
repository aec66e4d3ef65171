/**
 * bench:spreadsheet — a hotline export of N tickets as one XLSX worksheet (300,000 by default,
 * made once under .data/bench/), read and converted to complaint records as an import's
 * validation pass reads it: as a stream (ours, for XLSX files of 8 MB and more) beside the same
 * file read whole (the way lists are read, the baseline), each in a child process of its own,
 * measuring time and peak memory (maxRSS).
 *
 *   npm run bench:spreadsheet [-- --rows 300000]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { NameDirectory, type DirectoryEntries } from '../src/ingest/spreadsheet/directory.js';
import { openSpreadsheet } from '../src/ingest/spreadsheet/spreadsheet-sources.js';
import { projectPath } from '../src/project-root.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '300000' }, child: { type: 'string' }, file: { type: 'string' } } });
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const TEXTS = [
  '小区东边工地半夜还在打桩，吵得睡不着',
  '二手房过户两边窗口来回跑，能不能一次办完',
  '县城菜市场门口有人占道摆摊',
  '楼下饭店油烟直排，家里窗户都不敢开',
];

/** Writes the export with ExcelJS's streaming writer (the file never sits in memory either). */
async function writeExport(path: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = writer.addWorksheet('工单明细');
  sheet.addRow(['工单编号', '受理时间', '诉求内容', '所属区县', '承办单位', '办理结果']).commit();
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2021, 0, 1) + (i % 365) * 86_400_000 + (i % 86_400) * 1000);
    sheet
      .addRow([`GD${String(i).padStart(9, '0')}`, day, `${TEXTS[i % TEXTS.length]}（第${i}号）`, i % 2 ? '日照市' : '莒县', '日照市生态环境局', '已办结'])
      .commit();
  }
  sheet.commit();
  await writer.commit();
}

/** In a child process: open the export one way, convert every row, report time and peak memory. */
async function child(mode: 'stream' | 'whole', file: string): Promise<void> {
  const demo = (name: string) => JSON.parse(readFileSync(projectPath('seed', 'fixtures', 'demo', name), 'utf8')) as never[];
  const directory = new NameDirectory({
    departments: demo('departments.json'),
    regions: demo('regions.json'),
    matters: demo('matters.json'),
    sections: [],
  } as DirectoryEntries);
  const started = performance.now();
  const opened = await openSpreadsheet({ name: 'export.xlsx', path: file }, {}, mode === 'stream' ? 0 : Number.POSITIVE_INFINITY);
  let records = 0;
  let errors = 0;
  for (const pending of opened.sources) {
    for await (const entry of pending.open(directory).entries()) {
      if (entry.value !== undefined) records++;
      else if (entry.error !== undefined) errors++;
    }
  }
  process.stdout.write(JSON.stringify({ records, errors, ms: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

async function main(): Promise<void> {
  const rows = Number(values.rows);
  const dir = projectPath('.data', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `export-${rows}.xlsx`);
  if (!existsSync(file)) {
    process.stderr.write(`writing ${file} (once)…\n`);
    await writeExport(file, rows);
  }
  const run = (mode: string) => {
    try {
      const out = execFileSync(
        process.execPath,
        ['--max-old-space-size=16384', '--import', 'tsx', projectPath('bench', 'spreadsheet.ts'), '--child', mode, '--file', file],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      return JSON.parse(out.trim().split('\n').pop()!) as { records: number; errors: number; ms: number; maxRssMb: number };
    } catch (error) {
      process.stderr.write(`${mode}: ${(error as Error).message.split('\n')[0]}\n`);
      return undefined;
    }
  };
  const stream = run('stream');
  const whole = run('whole');
  console.log(`\nbench:spreadsheet  ${fmt(rows)} tickets, one worksheet, ${fmt(statSync(file).size / 2 ** 20, 1)} MB\n`);
  console.log('| reader | records | errors | time | peak memory (maxRSS) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, result] of [
    ['ours: streamed (XLSX of 8 MB and more)', stream],
    ['baseline: the same file read whole (as lists are read)', whole],
  ] as const) {
    console.log(
      result
        ? `| ${name} | ${fmt(result.records)} | ${fmt(result.errors)} | ${fmt(result.ms / 1000, 1)} s | ${fmt(result.maxRssMb)} MB |`
        : `| ${name} | failed | | | |`,
    );
  }
}

if (values.child) await child(values.child as 'stream' | 'whole', values.file!);
else await main();
