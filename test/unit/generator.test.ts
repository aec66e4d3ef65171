import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../seed/generator/generate.js';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { validateFolder } from '../helpers/validate.js';

const outDir = () => mkdtempSync(join(tmpdir(), 'dg-seed-'));
const digest = (dir: string) =>
  readdirSync(join(dir, 'bundle'))
    .sort()
    .map(
      (f) =>
        `${f}:${createHash('sha1')
          .update(readFileSync(join(dir, 'bundle', f)))
          .digest('hex')}`,
    );

describe('dutygraph seed', () => {
  let out: string;
  beforeAll(async () => {
    out = outDir();
    await generate({ scale: 0.01, seed: 7, out });
  });

  it('keeps its ids apart from the demo bundle, so a generated city imports beside the demo without rewriting it', () => {
    const keysOf = (folder: string) =>
      readdirSync(folder)
        .filter((f) => /\.(nd)?json$/.test(f) && !f.startsWith('manifest'))
        .flatMap((f) => {
          const text = readFileSync(join(folder, f), 'utf8');
          const records: { id?: string; code?: string }[] = f.endsWith('.ndjson')
            ? text
                .trim()
                .split('\n')
                .map((l) => JSON.parse(l))
            : JSON.parse(text);
          return records.filter((r) => (r.id ?? r.code) !== undefined).map((r) => `${f.replace(/\..*$/, '')}:${r.id ?? r.code}`);
        });
    const demo = new Set(keysOf(DEMO_BUNDLE));
    expect(keysOf(join(out, 'bundle')).filter((key) => demo.has(key))).toEqual([]);
  });

  it('writes a bundle that passes validation against an empty graph', async () => {
    const validation = await validateFolder(join(out, 'bundle'));
    expect(validation.errors).toEqual([]);
    expect(validation.totals.departments).toBeGreaterThan(60);
    expect(validation.totals.complaints).toBe(3000);
  });

  it('is deterministic: the same seed gives the same files, another seed other files', async () => {
    const again = outDir();
    await generate({ scale: 0.01, seed: 7, out: again });
    expect(digest(again)).toEqual(digest(out));
    const other = outDir();
    await generate({ scale: 0.01, seed: 8, out: other });
    expect(digest(other)).not.toEqual(digest(out));
  });

  it("plants the brief's three cases and records them in truth.json", () => {
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8'));
    const [city] = truth.cities;
    expect(city.cases.foreignInvestment).toMatchObject({ share: 1 / 3, posts: 4, postsToMove: 1 });
    expect(city.cases.constructionNoise.lead).toMatch(/-st$/);
    expect(city.overlaps).toContainEqual(expect.objectContaining({ region: city.city, matter: 'gen-m-housing-transaction' }));
    expect(truth.complaints).toHaveLength(3000);
    expect(truth.complaints.some((c: { department: string | null }) => c.department === null)).toBe(true);
  });

  it("gives the foreign-investment item exactly a third of its section's received volume each year", () => {
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8'));
    const { item, section } = truth.cities[0].cases.foreignInvestment;
    const volumes = readFileSync(join(out, 'bundle', 'volumes.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((v: { section: string }) => v.section === section);
    for (const year of [2021, 2022, 2023]) {
      const ofYear = volumes.filter((v: { year: number }) => v.year === year);
      const total = ofYear.reduce((sum: number, v: { received: number }) => sum + v.received, 0);
      expect(ofYear.find((v: { powerItem: string }) => v.powerItem === item).received * 3).toBe(total);
    }
  });

  it('writes complaint texts the way citizens speak, not copies of item names', () => {
    const complaints = readFileSync(join(out, 'bundle', 'complaints.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const items = new Set(
      readFileSync(join(out, 'bundle', 'powerItems.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).name),
    );
    expect(complaints.filter((c: { text: string }) => items.has(c.text))).toEqual([]);
    expect(new Set(complaints.map((c: { text: string }) => c.text)).size).toBeGreaterThan(complaints.length * 0.5);
  });
});
