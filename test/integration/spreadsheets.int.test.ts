import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import type { Database } from '../../src/db/database.js';
import { exportBundle } from '../../src/ingest/export-bundle.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { projectPath } from '../../src/project-root.js';
import { writeBundle } from '../helpers/bundle-dir.js';
import { importError } from '../helpers/import-error.js';
import { connectTestDatabase, graphCounts, resetGraph } from '../helpers/neo4j.js';

const SAMPLES = projectPath('seed', 'fixtures', 'spreadsheets');
const SAME_AS_BUNDLE = projectPath('seed', 'fixtures', 'spreadsheets-as-bundle');

let db: Database;
beforeEach(async () => {
  db ??= await connectTestDatabase();
  await resetGraph(db);
  await importBundle(db, DEMO_BUNDLE);
});
afterAll(() => db.close());

const exported = async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'dg-sheets-')), 'out');
  await exportBundle(db, dir);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f !== 'manifest.json')
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
};

describe('spreadsheet lists', () => {
  it('import to the same graph as the same data written as a bundle', async () => {
    const report = await importBundle(db, SAMPLES);
    expect(report.errors).toEqual([]);
    expect(report.counts.powerItems.created).toBe(4);
    expect(report.counts.complaints.created).toBe(3);
    expect(report.counts.sections).toMatchObject({ created: 1, updated: 1 });
    const fromSheets = await exported();

    await resetGraph(db);
    await importBundle(db, DEMO_BUNDLE);
    await importBundle(db, SAME_AS_BUNDLE);
    expect(await exported()).toEqual(fromSheets);
  });

  it('import a single spreadsheet file, and again without changes', async () => {
    await importBundle(db, join(SAMPLES, '12345工单.xlsx'));
    const again = await importBundle(db, join(SAMPLES, '12345工单.xlsx'));
    expect(again.counts.complaints).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('read GBK-encoded CSV, as Excel on a Chinese Windows saves it', async () => {
    const bytes = encodeGbk('部门名称,内设机构,行政编制\n日照市生态环境局,固体废物科,2\n');
    const report = await importBundle(db, writeBundle({ '三定.csv': bytes }));
    expect(report.counts.sections.created).toBe(1);
  });
});

describe('bad spreadsheets end in a clear error and an unchanged graph', () => {
  const cases: [string, Record<string, string | Buffer>, RegExp][] = [
    [
      'an unknown item type, named by row and column',
      { 'list.csv': '事项编码,事项名称,事项类型,实施主体\nX-1,某事项,行政处理,日照市生态环境局\n' },
      /^list\.csv:2:事项类型: "行政处理" is not a known item type/,
    ],
    [
      'an unknown department',
      { 'list.csv': '事项编码,事项名称,事项类型,实施主体\nX-1,某事项,行政处罚,日照市环保总局\n' },
      /^list\.csv:2:实施主体: no department "日照市环保总局"/,
    ],
    [
      'an unknown column',
      { 'list.csv': '事项编码,事项名称,事项类型,实施主体,事项名 称2\nX-1,某事项,行政处罚,日照市生态环境局,x\n' },
      /unknown columns for a 权责清单: 事项名称2/,
    ],
    ['a sheet that is no list', { 'list.csv': '姓名,电话\n张三,123\n' }, /cannot tell which list this is/],
    ['an empty file', { 'list.csv': '' }, /^list\.csv: empty file/],
    ['bytes that are neither UTF-8 nor GBK', { 'list.csv': Buffer.from([0xff, 0xfe, 0xfd, 0x2c, 0xff, 0x0a]) }, /neither UTF-8 nor GBK/],
    [
      'a 20 MB cell',
      { 'list.csv': `事项编码,事项名称,事项类型,实施主体\nX-1,${'长'.repeat(7_000_000)},行政处罚,日照市生态环境局\n` },
      /^list\.csv:2: row too long; a cell may hold at most 20000 characters/,
    ],
    ['a bad date', { 't.csv': '工单编号,诉求内容,受理时间\nG1,噪音,昨天晚上\n' }, /^t\.csv:2:受理时间: "昨天晚上" is not a known date-time/],
    ['a file that is not a workbook', { 'list.xlsx': 'not a zip' }, /^list\.xlsx: not a readable XLSX workbook/],
  ];
  it.each(cases)('%s', async (_name, files, message) => {
    const before = await graphCounts(db);
    const error = await importError(db, writeBundle(files));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(
      error.details?.some((line) => message.test(line)),
      `${error.details?.join('\n')}`,
    ).toBe(true);
    expect(await graphCounts(db)).toEqual(before);
  });
});

/** GBK bytes of a text. Node can decode GBK but not encode it: invert the decoder over all two-byte codes. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const codes = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo !== 0x7f) codes.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
    }
  }
  return Buffer.from([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : codes.get(char)!)));
}

describe('Open311 GeoReport v2', () => {
  const OPEN311 = projectPath('seed', 'fixtures', 'open311');

  it('imports services as matters and requests as complaints routed to the agency responsible', async () => {
    const report = await importBundle(db, OPEN311);
    expect(report.counts.matters.created).toBe(2);
    expect(report.counts.complaints.created).toBe(2);
    const complaints = JSON.parse((await exported())['complaints.json']!) as { id: string; matter?: string; routes?: unknown[] }[];
    expect(complaints.find((c) => c.id === 'O311-0001')).toMatchObject({
      matter: 'open311-noise-night',
      routes: [{ department: 'd-sthjj', outcome: 'resolved', at: '2021-11-02T09:30:00+08:00' }],
    });
    expect(complaints.find((c) => c.id === 'O311-0002')).toMatchObject({ routes: [{ department: 'd-cgj', outcome: 'accepted' }] });
  });

  it('names the request whose agency is unknown, and writes nothing', async () => {
    const before = await graphCounts(db);
    const error = await importError(
      db,
      writeBundle({
        'requests.json': [
          {
            service_request_id: 'X1',
            status: 'open',
            description: '路灯不亮',
            agency_responsible: 'Department of Streets',
            requested_datetime: '2021-11-03T20:00:00Z',
          },
        ],
      }),
    );
    expect(error.details).toEqual(['requests.json:0:agency_responsible: no department "Department of Streets" in the bundle or the graph']);
    expect(await graphCounts(db)).toEqual(before);
  });
});
