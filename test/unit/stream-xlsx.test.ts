import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/project-root.js';
import { NameDirectory, type DirectoryEntries } from '../../src/ingest/spreadsheet/directory.js';
import { openSpreadsheet } from '../../src/ingest/spreadsheet/spreadsheet-sources.js';
import type { RawEntry } from '../../src/ingest/record-sources.js';

const demo = (file: string) => JSON.parse(readFileSync(projectPath('seed', 'fixtures', 'demo', file), 'utf8')) as never[];
const directory = new NameDirectory({
  departments: demo('departments.json'),
  regions: demo('regions.json'),
  matters: demo('matters.json'),
  sections: demo('sections.json'),
} as DirectoryEntries);

/** The entries of the sample export, read whole or as a stream; two passes, as an import makes. */
async function entries(streamFromBytes: number): Promise<RawEntry[][]> {
  const path = join(projectPath('seed', 'fixtures', 'spreadsheets'), '12345工单.xlsx');
  const opened = await openSpreadsheet({ name: '12345工单.xlsx', path }, {}, streamFromBytes);
  expect(opened.errors).toEqual([]);
  const source = opened.sources[0]!.open(directory);
  const passes: RawEntry[][] = [];
  for (let pass = 0; pass < 2; pass++) {
    const all: RawEntry[] = [];
    for await (const entry of source.entries()) all.push(entry);
    passes.push(all);
  }
  return passes;
}

describe('an XLSX export read as a stream', () => {
  it('gives the same records as the same file read whole, and again at a second pass', async () => {
    const [whole] = await entries(Number.POSITIVE_INFINITY);
    const [streamed, again] = await entries(0);
    expect(whole!.filter((e) => e.value).length).toBe(3);
    // Sheet names are not known to the stream: compare records by row.
    const byRow = (list: RawEntry[]) => list.filter((e) => e.value).map((e) => [e.where.split(':').pop(), e.value]);
    expect(byRow(streamed!)).toEqual(byRow(whole!));
    expect(again).toEqual(streamed);
  });
});
