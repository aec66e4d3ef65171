import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { deleteRecord, upsertRecords } from '../../src/catalog/edit-records.js';
import type { Database } from '../../src/db/database.js';
import { graphRevisions } from '../../src/db/revision.js';
import { recordRouting } from '../../src/dispatch/routing-feedback.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { connectTestDatabase, resetGraph } from '../helpers/neo4j.js';
import { expectTalliesExact } from '../helpers/tallies.js';

/** The routing tallies stay exact through every writer of complaints and routes (the induced matters' writers: induced-matters.int.test.ts). */

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
});

afterAll(async () => {
  await db?.close();
});

describe('routing tallies', () => {
  it('are counted by the import, in both modes, and unchanged by a rerun', async () => {
    await importBundle(db, DEMO_BUNDLE, { mode: 'resumable', batchSize: 7 });
    await expectTalliesExact(db);
    await resetGraph(db);
    await importBundle(db, DEMO_BUNDLE);
    await importBundle(db, DEMO_BUNDLE);
    await expectTalliesExact(db);
  });

  it('follow routing feedback, and the revision says the complaints changed', async () => {
    const before = await db.readTx(graphRevisions, 'test');
    await recordRouting(db, { complaint: 'c-2021-0006', department: 'd-cgj', outcome: 'refused', reason: '职能不符' }, 'test');
    await recordRouting(db, { complaint: 'c-2021-0006', department: 'd-zjj', outcome: 'accepted' }, 'test');
    const after = await db.readTx(graphRevisions, 'test');
    expect(after.complaints).toBeGreaterThan(before.complaints);
    expect(after.lists).toBe(before.lists);
    await expectTalliesExact(db);
  });

  it('follow complaints re-imported with another matter, district and routes, and deleted', async () => {
    await upsertRecords(db, 'complaints', [
      {
        id: 'c-2021-0001',
        text: '二手房过户来回跑',
        receivedAt: '2021-03-02T23:15:00+08:00',
        district: '371122',
        matter: 'm-housing-transaction',
        routes: [{ department: 'd-zjj', at: '2021-03-03T09:00:00+08:00', outcome: 'resolved' }],
      },
    ]);
    await expectTalliesExact(db);
    await deleteRecord(db, 'complaints', 'c-2021-0002');
    await expectTalliesExact(db);
  });
});
