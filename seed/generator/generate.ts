import { createReadStream, createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { BUNDLE_FORMAT, type Matter } from '../../src/model/records.js';
import { buildComplaints } from './build-complaints.js';
import { buildCity, type PlantedTruth } from './build-structure.js';
import { MATTER_GROUPS, MATTERS, matterId } from './catalog-matters.js';
import { cityNames } from './names.js';
import { createRng } from './rng.js';

/** Bump when the same seed and scale write different data: caches of generated cities (bench/) key on it. */
export const GENERATOR_VERSION = 3;

/**
 * `dutygraph seed`: writes a synthetic province of `scale` cities (a fraction: one smaller city)
 * as a bundle of NDJSON files in OUT/bundle, and what it planted in OUT/truth.json. Cities are
 * built one at a time and complaints streamed, so memory stays flat whatever the scale.
 */

export interface GenerateOptions {
  scale: number;
  seed: number;
  out: string;
  log?: (line: string) => void;
}

const COMPLAINTS_PER_CITY = 300_000;

class NdjsonWriter {
  private readonly stream: WriteStream;
  count = 0;
  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }
  async write(record: unknown): Promise<void> {
    this.count++;
    if (!this.stream.write(JSON.stringify(record) + '\n')) await once(this.stream, 'drain');
  }
  async writeAll(records: unknown[]): Promise<void> {
    for (const record of records) await this.write(record);
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

const FILES = ['regions', 'departments', 'sections', 'matters', 'powerItems', 'serviceItems', 'tasks', 'boundaryItems', 'complaints', 'volumes'] as const;

/** Generates the bundle and its truth; returns the record count per file. */
export async function generate(options: GenerateOptions): Promise<Record<string, number>> {
  const log = options.log ?? (() => {});
  const cities = options.scale >= 1 ? Math.round(options.scale) : 1;
  const factor = options.scale >= 1 ? options.scale / cities : options.scale;
  const bundleDir = join(options.out, 'bundle');
  rmSync(bundleDir, { recursive: true, force: true });
  mkdirSync(bundleDir, { recursive: true });
  const writers = Object.fromEntries(FILES.map((file) => [file, new NdjsonWriter(join(bundleDir, `${file}.ndjson`))])) as Record<
    (typeof FILES)[number],
    NdjsonWriter
  >;
  const complaintTruth = new NdjsonWriter(join(options.out, 'truth-complaints.tmp'));
  const root = createRng(options.seed);
  const planted: (PlantedTruth & { city: string })[] = [];

  const matters: Matter[] = [
    ...MATTER_GROUPS.map((g) => ({ id: matterId(g.key), name: g.name, keywords: [...g.keywords] })),
    ...MATTERS.map((m) => ({ id: matterId(m.key), name: m.name, keywords: m.keywords, ...(m.parent ? { parent: matterId(m.parent) } : {}) })),
  ];
  await writers.matters.writeAll(matters);

  for (let index = 0; index < cities; index++) {
    const rng = root.fork(`city-${index}`);
    const names = cityNames(index, rng);
    if (index === 0) await writers.regions.write({ code: names.province.code, name: names.province.name, level: 'province' });
    const city = buildCity(names, rng.fork('structure'), factor);
    for (const file of ['regions', 'departments', 'sections', 'powerItems', 'serviceItems', 'tasks', 'boundaryItems', 'volumes'] as const) {
      await writers[file].writeAll(city[file]);
    }
    const count = Math.round(COMPLAINTS_PER_CITY * factor);
    for (const { complaint, truth } of buildComplaints(city, count, rng.fork('complaints'))) {
      await writers.complaints.write(complaint);
      await complaintTruth.write(truth);
    }
    planted.push({ city: names.city.code, ...city.truth });
    log(`${names.city.name}: ${city.powerItems.length} power items, ${count} complaints`);
  }

  const counts = Object.fromEntries(FILES.map((file) => [file, writers[file].count]));
  await Promise.all([...Object.values(writers).map((w) => w.close()), complaintTruth.close()]);
  const manifest = {
    format: BUNDLE_FORMAT,
    name: `合成数据：${cities}个城市（规模 ${options.scale}，种子 ${options.seed}）`,
    createdAt: '2026-01-01T00:00:00+08:00',
  };
  const manifestWriter = createWriteStream(join(bundleDir, 'manifest.json'));
  manifestWriter.end(JSON.stringify(manifest, null, 2) + '\n');
  await once(manifestWriter, 'finish');
  await writeTruth(options, counts, planted);
  return counts;
}

/** truth.json: what was planted per city, then every complaint's owner (streamed from the temp file). */
async function writeTruth(options: GenerateOptions, counts: Record<string, number>, planted: unknown[]): Promise<void> {
  const tmp = join(options.out, 'truth-complaints.tmp');
  const out = createWriteStream(join(options.out, 'truth.json'), { encoding: 'utf8' });
  const header = { format: 'dutygraph-truth/1', scale: options.scale, seed: options.seed, counts, cities: planted };
  out.write(JSON.stringify(header, null, 1).replace(/\n}$/, ',\n "complaints": [\n'));
  let first = true;
  const lines = (await import('node:readline')).createInterface({ input: createReadStream(tmp, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!out.write((first ? '  ' : ',\n  ') + line)) await once(out, 'drain');
    first = false;
  }
  out.end('\n ]\n}\n');
  await once(out, 'finish');
  rmSync(tmp, { force: true });
}
