import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import type { Database } from '../../src/db/database.js';
import { ErrorCode, type AppError } from '../../src/errors.js';
import { exportBundle } from '../../src/ingest/export-bundle.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { RECORD_FILES } from '../../src/model/record-kinds.js';
import { copyDemoBundle, editBundleFile, writeBundle } from '../helpers/bundle-dir.js';
import { importError } from '../helpers/import-error.js';
import { connectTestDatabase, graphCounts, resetGraph } from '../helpers/neo4j.js';

let db: Database;
beforeEach(async () => {
  db ??= await connectTestDatabase();
  await resetGraph(db);
});
afterAll(() => db.close());

const exportTo = async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'dg-export-')), 'bundle');
  await exportBundle(db, dir);
  return dir;
};
const readFolder = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('importing a bundle', () => {
  it('creates every record of the demo bundle', async () => {
    const report = await importBundle(db, DEMO_BUNDLE);
    expect(report.errors).toEqual([]);
    expect(report.counts.departments).toEqual({ created: 16, updated: 0, resumed: 0, unchanged: 0, rejected: 0 });
    const counts = await graphCounts(db);
    expect(counts.nodes).toMatchObject({ Region: 2, Department: 16, PowerItem: 36, Complaint: 31 });
    expect(counts.relationships.VOLUME).toBe(15);
    expect(counts.relationships.HAS_DUTY).toBe(counts.nodes.SupervisionDuty);
  });

  it('is idempotent: a second import changes no count and reports everything unchanged', async () => {
    await importBundle(db, DEMO_BUNDLE);
    const before = await graphCounts(db);
    const report = await importBundle(db, DEMO_BUNDLE);
    expect(await graphCounts(db)).toEqual(before);
    for (const file of RECORD_FILES) expect(report.counts[file].created + report.counts[file].updated).toBe(0);
  });

  it('writes nothing when one record is bad, and names the record', async () => {
    const folder = copyDemoBundle();
    editBundleFile(folder, 'powerItems.json', (items) => items.map((item, i) => (i === 7 ? { ...item, type: '行政处罚' } : item)));
    const error = await importError(db, folder);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details).toHaveLength(1);
    expect(error.details![0]).toMatch(/^powerItems\.json:7: type: /);
    expect(await graphCounts(db)).toEqual({ nodes: {}, relationships: {} });
  });

  it('refuses a dangling reference, in the bundle and in the graph, and writes nothing', async () => {
    const folder = copyDemoBundle();
    editBundleFile(folder, 'sections.json', (sections) => [...sections, { id: 's-new', department: 'd-missing', name: '新设科室', posts: 2 }]);
    const error = await importError(db, folder);
    expect(error.details).toEqual([`sections.json:24: department: department d-missing is neither in the bundle nor in the graph`]);
    expect(await graphCounts(db)).toEqual({ nodes: {}, relationships: {} });
  });

  it('leaves the graph as it was when the transaction dies part-way', async () => {
    // A 1 ms time limit makes the server abort the import's transaction between batches.
    const error = await importBundle(db, DEMO_BUNDLE, { timeoutMs: 1, batchSize: 1 }).then(
      () => undefined,
      (e: AppError) => e,
    );
    expect(error?.code, `${error?.message}`).toBe(ErrorCode.QUERY_TIMEOUT);
    expect(await graphCounts(db)).toEqual({ nodes: {}, relationships: {} });
    const report = await importBundle(db, DEMO_BUNDLE);
    expect(report.counts.powerItems.created).toBe(36);
  });

  it('writes the same graph in resumable mode (batch by batch) as in one transaction', async () => {
    await importBundle(db, DEMO_BUNDLE, { mode: 'atomic' });
    const atomic = readFolder(await exportTo());
    await resetGraph(db);
    const report = await importBundle(db, DEMO_BUNDLE, { mode: 'resumable', batchSize: 7 });
    expect(report.mode).toBe('resumable');
    expect(readFolder(await exportTo())).toEqual(atomic);
  });

  it('resolves references to records already in the graph', async () => {
    await importBundle(db, DEMO_BUNDLE);
    const folder = writeBundle({ 'sections.json': [{ id: 's-sthjj-new', department: 'd-sthjj', name: '土壤生态环境科', posts: 3 }] });
    const report = await importBundle(db, folder);
    expect(report.counts.sections).toMatchObject({ created: 1 });
  });

  it("replaces a changed record's fields and its relationships of that file's kind", async () => {
    await importBundle(db, DEMO_BUNDLE);
    const folder = writeBundle({
      'powerItems.json': [
        {
          code: '371100-SP-XK-001',
          name: '外商投资企业登记',
          type: 'licensing',
          department: 'd-scjgj',
          sections: ['s-scjgj-djzc'],
          matters: ['m-foreign-enterprise'],
        },
      ],
    });
    const report = await importBundle(db, folder);
    expect(report.counts.powerItems).toEqual({ created: 0, updated: 1, resumed: 0, unchanged: 0, rejected: 0 });
    const dir = await exportTo();
    const item = JSON.parse(readFileSync(join(dir, 'powerItems.json'), 'utf8')).find((p: { code: string }) => p.code === '371100-SP-XK-001');
    expect(item).toEqual({
      code: '371100-SP-XK-001',
      name: '外商投资企业登记',
      type: 'licensing',
      department: 'd-scjgj',
      sections: ['s-scjgj-djzc'],
      matters: ['m-foreign-enterprise'],
    });
    // Its volumes belong to the volumes file and stay.
    const volumes = JSON.parse(readFileSync(join(dir, 'volumes.json'), 'utf8')).filter((v: { powerItem: string }) => v.powerItem === '371100-SP-XK-001');
    expect(volumes).toHaveLength(2);
  });

  it('with skipInvalid imports the valid records and reports the rest, including records left dangling', async () => {
    const folder = writeBundle({
      'regions.json': [{ code: 'R', name: '某市', level: 'city' }],
      'departments.json': [
        { id: 'D', name: '某局', region: 'R' },
        { id: 'D2', name: '坏局', region: 'R', kind: 'ministry' },
      ],
      'sections.json': [
        { id: 'S', department: 'D', name: '甲科', posts: 1 },
        { id: 'S2', department: 'D2', name: '乙科', posts: 1 },
      ],
    });
    const report = await importBundle(db, folder, { skipInvalid: true });
    expect(report.errors).toHaveLength(2);
    expect(report.counts.departments).toMatchObject({ created: 1, rejected: 1 });
    expect(report.counts.sections).toMatchObject({ created: 1, rejected: 1 });
    // Revision: the counter a running dispatch index watches, bumped because the import wrote something.
    expect((await graphCounts(db)).nodes).toEqual({ Region: 1, Department: 1, Section: 1, Revision: 1 });
  });
});

describe('exporting', () => {
  it('round-trips: export, import into an empty graph, export again gives the same files', async () => {
    await importBundle(db, DEMO_BUNDLE);
    const countsBefore = await graphCounts(db);
    const first = await exportTo();
    await resetGraph(db);
    const report = await importBundle(db, first);
    expect(report.errors).toEqual([]);
    expect(await graphCounts(db)).toEqual(countsBefore);
    expect(readFolder(await exportTo())).toEqual(readFolder(first));
  });

  it('re-imports its own output into the same graph as all unchanged', async () => {
    await importBundle(db, DEMO_BUNDLE);
    const report = await importBundle(db, await exportTo());
    for (const file of RECORD_FILES) expect(report.counts[file].created + report.counts[file].updated).toBe(0);
  });

  it('refuses a folder that is not empty', async () => {
    await expect(exportBundle(db, DEMO_BUNDLE)).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
  });
});
