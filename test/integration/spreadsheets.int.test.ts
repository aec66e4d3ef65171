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
import { workbookBytes } from '../helpers/workbook.js';

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

  it('read columns it does not know past, and say which', async () => {
    const report = await importBundle(
      db,
      writeBundle({ 'list.csv': '事项编码,事项名称,事项类型,实施主体,部门职责\nX-1,某事项,行政处罚,日照市生态环境局,x\n' }),
    );
    expect(report.counts.powerItems.created).toBe(1);
    expect(report.notes).toEqual(['list.csv:1: columns not read: 部门职责']);
  });

  it('read GBK-encoded CSV, as Excel on a Chinese Windows saves it', async () => {
    const bytes = encodeGbk('部门名称,内设机构,行政编制\n日照市生态环境局,固体废物科,2\n');
    const report = await importBundle(db, writeBundle({ '三定.csv': bytes }));
    expect(report.counts.sections.created).toBe(1);
  });
});

describe('lists as cities publish them', () => {
  const HEADER = ['序号', '事项名称', '子项名称', '权力类型', '实施依据', '行使主体', '承办机构', '实施层级及权限', '', '部门职责', '追责对象范围'];
  const basis = '【法律】《中华人民共和国环境噪声污染防治法》第二十九条';
  const items = (department: string) => [
    ['1', '建设项目环境影响评价文件审批', '', '行政许可', basis, department, '环评科', '地州市级', '负责本级审批', '审批职责', '承办人'],
    ['2', '排污许可', '1.排污许可证核发', '行政许可', basis, department, '环评科', '地州市级', '', '', ''],
    ['', '', '2.排污许可证变更', '', '', '', '', '', '', '', ''],
    ['3', '对夜间施工噪声扰民的处罚', '无', '行政 处罚', basis, department, '执法支队', '县市区级', '', '', ''],
  ];
  const imported = async (file: string, bytes: Buffer, department?: string) =>
    importBundle(db, join(writeBundle({ [file]: bytes }), file), department ? { defaults: { department } } : {});
  const items_of = async (department: string) =>
    (JSON.parse((await exported())['powerItems.json']!) as { code: string; name: string; type: string; department: string; legalBasis?: unknown[] }[]).filter(
      (item) => item.department === department,
    );

  it('reads an old Excel (.xls) list with title rows, merged headers, sub-items, a repeated header and a footnote', async () => {
    const rows = [
      ['日照市生态环境局2024年权责清单', ...Array<string>(10).fill('')],
      ['部门名称：日照市生态环境局', ...Array<string>(10).fill('')],
      HEADER,
      ...items('自治区生态环境厅'),
      HEADER, // a print page repeats the header
      ['备注：包括市、区两级行使的事项。', ...Array<string>(10).fill('')],
    ];
    const bytes = workbookBytes([{ name: '市生态环境局（4项）', rows, merges: ['A1:K1', 'A2:K2', 'H3:I3', 'A9:K9'] }], 'biff8');
    const report = await imported('权责清单.xls', bytes, 'd-sthjj');
    expect(report.errors).toEqual([]);
    expect(report.counts.powerItems.created).toBe(4);
    expect(report.notes).toContain('权责清单.xls:市生态环境局（4项）:3: columns not read: 序号、部门职责、追责对象范围');
    const names = (await items_of('d-sthjj')).filter((item) => !item.code.startsWith('371100')).map((item) => [item.name, item.type, item.legalBasis?.length]);
    expect(names.sort()).toEqual(
      [
        ['对夜间施工噪声扰民的处罚', 'penalty', 1],
        ['建设项目环境影响评价文件审批', 'licensing', 1],
        ['排污许可（1.排污许可证核发）', 'licensing', 1],
        ['排污许可（2.排污许可证变更）', 'licensing', 1],
      ].sort(),
    );
    // The ids come from department, name and sub-item: the same list again changes nothing.
    const again = await imported('权责清单.xls', bytes, 'd-sthjj');
    expect(again.counts.powerItems).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it('reads a header over two rows', async () => {
    const rows = [
      ['序号', '权责事项', '', '实施依据', '实施主体'],
      ['', '事项名称', '事项类型', '', ''],
      ['1', '对夜间施工噪声扰民的处罚', '行政处罚', basis, '日照市生态环境局'],
    ];
    const report = await imported('两行表头.xlsx', workbookBytes([{ name: 'Sheet1', rows, merges: ['B1:C1', 'A1:A2', 'D1:D2', 'E1:E2'] }], 'xlsx'));
    expect(report.errors).toEqual([]);
    expect(report.counts.powerItems.created).toBe(1);
  });

  it('reads one sheet per power type, the type from the sheet name, and leaves a sheet of notes out', async () => {
    const header = ['序号', '事项名称', '实施依据', '行使主体'];
    const sheets = [
      { name: '行政许可（1项）', rows: [header, ['1', '排污许可', basis, '日照市人民政府（日照市生态环境局承办）']] },
      { name: '行政处罚（ 1 项）', rows: [header, ['1', '对夜间施工噪声扰民的处罚', basis, '市生态环境局']] },
      { name: '说明', rows: [['本清单由市生态环境局编制。']] },
    ];
    const report = await imported('分类清单.xlsx', workbookBytes(sheets, 'xlsx'));
    expect(report.errors).toEqual([]);
    expect(report.notes).toContain('分类清单.xlsx:说明: no list recognised in this sheet; not read');
    const types = Object.fromEntries((await items_of('d-sthjj')).map((item) => [item.name, item.type]));
    expect(types).toMatchObject({ 排污许可: 'licensing', 对夜间施工噪声扰民的处罚: 'penalty' });
  });

  it('names the rows whose department the graph does not know, with the fix', async () => {
    const rows = [HEADER, ...items('自治区生态环境厅')];
    const error = await importError(db, join(writeBundle({ 'x.xls': workbookBytes([{ name: 'Sheet1', rows }], 'biff8') }), 'x.xls'));
    expect(error.details).toContain(
      'x.xls:Sheet1:2:行使主体: no department "自治区生态环境厅" in the bundle or the graph; add "自治区生态环境厅" to the aliases of its department, or import the file with --department ID',
    );
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
    ['a file of a kind dutygraph does not read', { 'list.xls': 'x', 'notes.docx': 'x' }, /^notes\.docx: not a file dutygraph reads/],
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
