import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { NamedQuery } from '../../src/db/named-queries.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { projectPath } from '../../src/project-root.js';
import { writeBundle } from '../helpers/bundle-dir.js';
import { karamayListFiles } from '../helpers/karamay.js';
import { connectTestDatabase, resetGraph } from '../helpers/neo4j.js';

// The 21 power lists Karamay's departments published (../shared/data/real, outside the repository:
// see its README), imported one by one as a user would, each with the department it belongs to.
const REAL = process.env.DUTYGRAPH_REAL_DATA ?? projectPath('..', 'shared', 'data', 'real');
const LISTS = join(REAL, 'karamay-lists');
const present = existsSync(LISTS);
if (!present) process.stderr.write(`\nreal-lists test skipped: no ${LISTS} (set DUTYGRAPH_REAL_DATA to the folder of the real data)\n\n`);

const ITEMS: NamedQuery = {
  name: 'testRealItems',
  description: '',
  source: 'test',
  text: 'MATCH (d:Department)-[:HOLDS]->(p:PowerItem) RETURN d.id AS department, p.name AS name, p.type AS type, count { (p)-[:BASED_ON]->() } AS bases',
};

describe.skipIf(!present)('the real lists of 21 Karamay departments', () => {
  let db: Database;
  beforeAll(async () => {
    db = await connectTestDatabase();
    await resetGraph(db);
    // The city's regions and departments (no items): the lists bring those.
    const bundle = join(REAL, 'karamay-bundle');
    const read = (file: string) => JSON.parse(readFileSync(join(bundle, file), 'utf8')) as unknown[];
    await importBundle(
      db,
      writeBundle({ 'regions.json': read('regions.json'), 'departments.json': read('departments.json'), 'sections.json': read('sections.json') }),
    );
  });
  afterAll(() => db.close());

  const importAll = async () => {
    const files = karamayListFiles(LISTS);
    expect(files).toHaveLength(21);
    const reports = [];
    for (const { path, file, department } of files) {
      expect(department, file).toBeDefined();
      reports.push(await importBundle(db, path, { defaults: { department: department! } }));
    }
    return reports;
  };

  it('imports every file, giving the items the lists hold, each with its type and legal basis; a second run changes nothing', async () => {
    const first = await importAll();
    expect(first.flatMap((report) => report.errors)).toEqual([]);

    const items = await db.read<{ department: string; name: string; type: string | null; bases: number }>(ITEMS);
    const core = (name: string) => name.replace(/\s+/g, '').replace(/（无）$/, '');
    const imported = new Set(items.map((item) => `${item.department}|${core(item.name)}`));
    // The same lists converted by hand (../shared/data/real/karamay-bundle): 2,778 distinct items.
    const reference = JSON.parse(readFileSync(join(REAL, 'karamay-bundle', 'powerItems.json'), 'utf8')) as { department: string; name: string }[];
    const found = reference.filter((item) => imported.has(`${item.department}|${core(item.name)}`)).length;
    expect(found).toBeGreaterThanOrEqual(2700);
    expect(items.every((item) => item.type && item.bases > 0)).toBe(true);

    const second = await importAll();
    for (const report of second) expect(report.counts.powerItems, report.folder).toMatchObject({ created: 0, updated: 0 });
  }, 600_000);
});
