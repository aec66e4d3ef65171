import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../seed/generator/generate.js';
import type { Database } from '../../src/db/database.js';
import { exportBundle } from '../../src/ingest/export-bundle.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { RECORD_FILES } from '../../src/model/record-kinds.js';
import { spawnCli } from '../helpers/cli.js';
import { connectTestDatabase, graphCounts, resetGraph, testNeo4jEnv } from '../helpers/neo4j.js';

// Proves BUNDLE.md's promise for large imports: a process killed part-way leaves a graph that
// a rerun completes to exactly the graph of an uninterrupted import, nothing duplicated or lost.

let db: Database;
let bundle: string;
beforeAll(async () => {
  db = await connectTestDatabase();
  const out = mkdtempSync(join(tmpdir(), 'dg-resume-'));
  await generate({ scale: 0.01, seed: 11, out });
  bundle = join(out, 'bundle');
});
afterAll(() => db.close());

const exportFolder = async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'dg-resume-export-')), 'bundle');
  await exportBundle(db, dir);
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
};

describe('a resumable import killed part-way', () => {
  it('is completed by a rerun into the same graph as an uninterrupted import', async () => {
    await resetGraph(db);
    await importBundle(db, bundle, { mode: 'resumable', batchSize: 200 });
    const expectedCounts = await graphCounts(db);
    const expected = await exportFolder();

    await resetGraph(db);
    const child = spawnCli(['import', '--mode', 'resumable', '--batch-size', '200', bundle], {
      ...process.env,
      ...testNeo4jEnv(),
    });
    let progress = '';
    child.stderr!.on('data', (chunk) => {
      progress += chunk;
      // Cut it while it writes the power items' nodes (their links come in a second pass): after
      // regions and matters are complete, before complaints are written.
      if (progress.includes('writing powerItems')) child.kill('SIGKILL');
    });
    const [, signal] = await once(child, 'exit');
    expect(signal).toBe('SIGKILL');
    const cut = await graphCounts(db);
    expect(cut).not.toEqual(expectedCounts);

    const rerun = await importBundle(db, bundle, { mode: 'resumable', batchSize: 200 });
    const written = RECORD_FILES.reduce((sum, f) => sum + rerun.counts[f].created + rerun.counts[f].resumed, 0);
    expect(written).toBeGreaterThan(0);
    // What the cut import wrote and did not finish is reported as resumed, not as changed by the bundle.
    expect(rerun.counts.powerItems.resumed).toBeGreaterThan(0);
    expect(RECORD_FILES.reduce((sum, f) => sum + rerun.counts[f].updated, 0)).toBe(0);
    expect(await graphCounts(db)).toEqual(expectedCounts);
    expect(await exportFolder()).toEqual(expected);
  }, 300_000);
});
