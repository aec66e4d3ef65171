/**
 * eval:real — dispatch on real lists and real citizens' words (../shared/data/real, outside the
 * repository; see its README): Karamay's 21 published power lists (2,778 items, no matter tags)
 * and 543 letters to Shanghai's petition office with the department that answered them. Letters
 * before the cut (default 2023-07-01) may be learned from; those after it are scored: the share
 * whose answered department dispatch names first. Beside ours, in the same run, the peer the
 * issue names: Neo4j's own full-text index over the item names (CJK analyzer), the holder of the
 * best-scoring item.
 *
 *   npm run eval:real [-- --cut 2023-07-01 --data ../shared/data/real]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrate.js';
import { importBundle } from '../src/ingest/import-bundle.js';
import { projectPath } from '../src/project-root.js';
import { writeBundle } from '../test/helpers/bundle-dir.js';
import { freePort } from '../test/helpers/free-port.js';

const { values } = parseArgs({
  options: { cut: { type: 'string', default: '2023-07-01' }, data: { type: 'string', default: projectPath('..', 'shared', 'data', 'real') } },
});
const log = (line: string) => process.stderr.write(line + '\n');
const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

interface Letter {
  id: string;
  text: string;
  receivedAt: string;
  district?: string;
  routes: { department: string; at: string; outcome: string }[];
}

/** The answered department of each scored letter, and the share `pick` names first. */
function score(letters: Letter[], pick: (letter: Letter) => string | undefined): { assigned: number; correct: number } {
  let assigned = 0;
  let correct = 0;
  for (const letter of letters) {
    const department = pick(letter);
    if (department) assigned++;
    if (department === letter.routes[0]!.department) correct++;
  }
  return { assigned, correct };
}

/** `dutygraph dispatch --file … --json` over the letters, as a hotline's batch would run it: lead department by letter id. */
async function dispatchBatch(letters: Letter[], neo4jEnv: Record<string, string>, historyBefore: string): Promise<Map<string, string | undefined>> {
  const input = join(mkdtempSync(join(tmpdir(), 'dg-eval-real-')), 'letters.ndjson');
  writeFileSync(input, letters.map((l) => JSON.stringify({ id: l.id, text: l.text, district: l.district })).join('\n') + '\n');
  const args = ['--import', 'tsx', projectPath('src/cli/main.ts'), 'dispatch', '--file', input, '--json', '--history-before', historyBefore];
  const child = spawn(process.execPath, args, { cwd: projectPath(), env: { ...process.env, ...neo4jEnv }, stdio: ['ignore', 'pipe', 'inherit'] });
  const answers = new Map<string, string | undefined>();
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    const answer = JSON.parse(line) as { id: string; lead: { id: string } | null };
    answers.set(answer.id, answer.lead?.id);
  }
  return answers;
}

async function main(): Promise<void> {
  const real = values.data!;
  const cut = `${values.cut}T00:00:00+08:00`;
  const letters = readFileSync(join(real, 'shanghai-letters-dev.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Letter);
  const before = letters.filter((l) => Date.parse(l.receivedAt) < Date.parse(cut));
  const after = letters.filter((l) => Date.parse(l.receivedAt) >= Date.parse(cut));

  const dataDir = mkdtempSync(join(tmpdir(), 'dutygraph-eval-real-'));
  const local = await startLocalNeo4j(
    { dataDir, boltPort: await freePort(), httpPort: 0, heap: '1g', pageCache: '256m', txTimeout: '600s' },
    { detached: false },
  );
  const db = await Database.connect({ uri: local.boltUri, ...local.credentials, database: 'neo4j' });
  const neo4jEnv = { NEO4J_URI: local.boltUri, NEO4J_USER: local.credentials.user, NEO4J_PASSWORD: local.credentials.password };
  try {
    await migrate(db);
    log('importing the Karamay lists (karamay-bundle: 21 departments, 2,778 items, no matter tags)…');
    await importBundle(db, join(real, 'karamay-bundle'));

    // The peer: Neo4j's full-text index over item names, the best item's holder.
    await db.runAutoCommit(
      "CREATE FULLTEXT INDEX evalItemNames IF NOT EXISTS FOR (p:PowerItem) ON EACH [p.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
    );
    await db.runAutoCommit('CALL db.awaitIndexes(300)');
    const fullText = new Map<string, string | undefined>();
    for (const letter of after) {
      const query = letter.text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, ' ').slice(0, 500);
      const { rows } = await db.runReadOnly(
        "CALL db.index.fulltext.queryNodes('evalItemNames', $query) YIELD node MATCH (d:Department)-[:HOLDS]->(node) RETURN d.id LIMIT 1",
        { query },
        { timeoutMs: 10_000, rowCap: 1, maxBytes: 1e6, check: () => undefined },
      );
      fullText.set(letter.id, rows[0]?.[0] as string | undefined);
    }

    log(`dispatching the ${after.length} letters after ${values.cut} from the lists alone…`);
    const listsOnly = await dispatchBatch(after, neo4jEnv, cut);
    log(`importing the ${before.length} letters before ${values.cut} as the hotline's history, and again…`);
    await importBundle(
      db,
      writeBundle({ 'complaints.json': before.map(({ id, text, receivedAt, district, routes }) => ({ id, text, receivedAt, district, routes })) }),
    );
    const withHistory = await dispatchBatch(after, neo4jEnv, cut);

    console.log(`\neval:real  ${after.length} letters after ${values.cut} scored (${before.length} before it may be learned from); Karamay's 21 lists\n`);
    console.log('| method | assigned | top-1 correct | top-1 accuracy |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [name, answers] of [
      ['ours: dispatch, lists only', listsOnly],
      ['ours: dispatch, lists + letters before the cut', withHistory],
      ["peer: Neo4j full-text (CJK) over item names, best item's holder", fullText],
    ] as const) {
      const { assigned, correct } = score(after, (letter) => answers.get(letter.id));
      console.log(`| ${name} | ${assigned} | ${correct} | ${pct(correct, after.length)} |`);
    }
  } finally {
    await db.close();
    await stopLocalNeo4j(dataDir);
  }
}

await main();
