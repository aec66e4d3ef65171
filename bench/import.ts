/**
 * bench:import — imports a generated city (scale 1 = Rizhao: ~420k records, 300k complaints)
 * into an empty, throwaway local Neo4j and prints records/s, wall time, the Node process's peak
 * RSS and the store size; then, in the same run and database, a one-record-per-transaction
 * writer over a sample of the same complaints, with the same Cypher, and the ratio.
 *
 *   npm run bench:import [-- --scale 1 --seed 1 --sample 2000 --batch 5000 --heap 2g]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrate.js';
import { useQueries } from '../src/db/named-queries.js';
import { importBundle, type ImportProgress } from '../src/ingest/import-bundle.js';
import { toWriteRow } from '../src/ingest/plan-import.js';
import { RECORD_FILES } from '../src/model/record-kinds.js';
import { complaintSchema } from '../src/model/records.js';
import { freePort } from '../test/helpers/free-port.js';
import { generatedCity } from './generated-city.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    sample: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '5000' },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '1g' },
  },
});
const Q = useQueries(['createComplaintsLinked']);

function duBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const bundle = join(generatedCity(values.scale!, values.seed!), 'bundle');
  const dataDir = mkdtempSync(join(tmpdir(), 'dutygraph-bench-'));
  const local = await startLocalNeo4j(
    { dataDir, boltPort: await freePort(), httpPort: 0, heap: values.heap!, pageCache: values.pagecache!, txTimeout: '600s' },
    { detached: false },
  );
  const db = await Database.connect({ uri: local.boltUri, ...local.credentials, database: 'neo4j' });
  try {
    await migrate(db);
    // Time spent on complaint batches: from the end of the batch before the first complaint
    // batch (its start) to the last complaint batch, for each pass over complaints.
    let complaintMs = 0;
    let lastEventAt = 0;
    let phaseStart: number | undefined;
    const onProgress = (p: ImportProgress) => {
      if (p.phase === 'validating') return; // only writing counts: validation reads every file first
      const now = performance.now();
      if (p.file === 'complaints') {
        phaseStart ??= lastEventAt;
        if (p.done === p.total) {
          complaintMs += now - phaseStart;
          phaseStart = undefined;
        }
      }
      lastEventAt = now;
    };
    const started = performance.now();
    lastEventAt = started;
    const report = await importBundle(db, bundle, { onProgress, batchSize: Number(values.batch) });
    const importMs = performance.now() - started;
    const records = RECORD_FILES.reduce((sum, file) => sum + report.counts[file].created, 0);
    const complaints = report.counts.complaints.created;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const storeBytes = duBytes(join(dataDir, 'db', 'data'));

    const rerunStarted = performance.now();
    const rerun = await importBundle(db, bundle, { batchSize: Number(values.batch) });
    const rerunMs = performance.now() - rerunStarted;
    const rerunChanged = RECORD_FILES.reduce((sum, f) => sum + rerun.counts[f].created + rerun.counts[f].updated, 0);

    // Baseline: the statement the import runs for new complaints, one record per transaction,
    // over a sample of the same complaints under new ids: only the batching differs.
    const sampleSize = Number(values.sample);
    const lines = readFileSync(join(bundle, 'complaints.ndjson'), 'utf8').split('\n', sampleSize);
    const rows = lines.map((line) => {
      const record = complaintSchema.parse(JSON.parse(line));
      return toWriteRow('complaints', { ...record, id: `${record.id}-baseline` });
    });
    const baselineStarted = performance.now();
    for (const row of rows) {
      await db.writeTx((tx) => tx.run(Q.createComplaintsLinked, { rows: [row] }), 'baseline');
    }
    const baselineMs = performance.now() - baselineStarted;

    const oursRate = records / (importMs / 1000);
    const oursComplaintRate = complaints / (complaintMs / 1000);
    const baselineRate = rows.length / (baselineMs / 1000);
    console.log(
      `\nbench:import  scale ${values.scale}, seed ${values.seed}, batch ${values.batch}; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB; Neo4j heap ${values.heap}, page cache ${values.pagecache}\n`,
    );
    console.log('| measure | dutygraph import | baseline: one record per transaction |');
    console.log('| --- | ---: | ---: |');
    console.log(`| records written | ${fmt(records)} (${report.mode}) | ${fmt(rows.length)} complaints |`);
    console.log(`| wall time | ${fmt(importMs / 1000, 1)} s | ${fmt(baselineMs / 1000, 1)} s |`);
    console.log(`| records/s, all files | ${fmt(oursRate)} | – |`);
    console.log(`| complaints/s (same Cypher) | ${fmt(oursComplaintRate)} | ${fmt(baselineRate)} |`);
    console.log(`| speed-up on complaints | ${fmt(oursComplaintRate / baselineRate, 1)}x | 1x |`);
    console.log(`| Node peak RSS | ${fmt(peakRssMb)} MB | – |`);
    console.log(`| store size | ${fmt(storeBytes / 2 ** 20)} MB | – |`);
    console.log(`| rerun (nothing changed) | ${fmt(rerunMs / 1000, 1)} s, ${fmt(rerunChanged)} records changed | – |`);
  } finally {
    await db.close();
    await stopLocalNeo4j(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
