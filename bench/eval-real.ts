/**
 * eval:real — dispatch on real lists and real citizens' words (../shared/data/real, outside the
 * repository; see its README): Karamay's 21 power lists imported from the spreadsheets the
 * departments published (no matter tags), and 543 letters to Shanghai's petition office with the
 * department that answered them. Letters before the cut (default 2023-07-01) may be learned
 * from; those after it are scored. Two modes: the lists alone, then the lists with the letters
 * before the cut imported as the hotline's history. Printed: top-1 (the lead dispatch names;
 * "unassigned" counts as wrong), top-3 (among the candidates), accuracy on the most confident
 * answers, per-department recall and the confusion table. Beside ours, in the same run, the peer
 * the issue names: Neo4j's own full-text index over the item names (CJK analyzer), the holder
 * of the best-scoring item. The dispatch constants were tuned on letters before the cut only.
 *
 * With --tuning, only the letters before the cut are scored, from the lists alone: the set the
 * constants may be chosen on, printed so that choosing them needs no script of one's own.
 *
 *   npm run eval:real [-- --cut 2023-07-01 --data ../shared/data/real --tuning]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runAnalysis } from '../src/analysis/run-analysis.js';
import { Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrate.js';
import { importBundle } from '../src/ingest/import-bundle.js';
import { projectPath } from '../src/project-root.js';
import { writeBundle } from '../test/helpers/bundle-dir.js';
import { freePort } from '../test/helpers/free-port.js';
import { karamayListFiles } from '../test/helpers/karamay.js';
import { printInducedMatters } from './induced-matters-report.js';

const { values } = parseArgs({
  options: {
    cut: { type: 'string', default: '2023-07-01' },
    data: { type: 'string', default: projectPath('..', 'shared', 'data', 'real') },
    tuning: { type: 'boolean', default: false },
  },
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

interface Answer {
  lead: string | undefined;
  status: string;
  confidence: number;
  candidates: string[];
}

const truth = (letter: Letter) => letter.routes[0]!.department;

/** `dutygraph dispatch --file … --json` over the letters, as a hotline's batch would run it: the answer by letter id. */
async function dispatchBatch(letters: Letter[], neo4jEnv: Record<string, string>, historyBefore: string): Promise<Map<string, Answer>> {
  const input = join(mkdtempSync(join(tmpdir(), 'dg-eval-real-')), 'letters.ndjson');
  writeFileSync(input, letters.map((l) => JSON.stringify({ id: l.id, text: l.text, district: l.district })).join('\n') + '\n');
  const args = ['--import', 'tsx', projectPath('src/cli/main.ts'), 'dispatch', '--file', input, '--json', '--history-before', historyBefore];
  const child = spawn(process.execPath, args, { cwd: projectPath(), env: { ...process.env, ...neo4jEnv }, stdio: ['ignore', 'pipe', 'inherit'] });
  const answers = new Map<string, Answer>();
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    const answer = JSON.parse(line) as { id: string; status: string; confidence: number; lead: { id: string } | null; candidates: { id: string }[] };
    answers.set(answer.id, {
      lead: answer.status === 'assigned' ? answer.lead?.id : undefined,
      status: answer.status,
      confidence: answer.confidence,
      candidates: answer.candidates.map((c) => c.id),
    });
  }
  return answers;
}

interface Figures {
  assigned: number;
  top1: number;
  top3: number;
  /** Top-1 among the 80% most confident answers. */
  at80: number;
}

function figures(letters: Letter[], answers: Map<string, Answer>): Figures {
  const rows = letters.map((letter) => ({ letter, answer: answers.get(letter.id)! }));
  const right = (r: (typeof rows)[number]) => r.answer.lead === truth(r.letter);
  const confident = [...rows].sort((a, b) => b.answer.confidence - a.answer.confidence).slice(0, Math.round(rows.length * 0.8));
  return {
    assigned: rows.filter((r) => r.answer.status === 'assigned').length,
    top1: rows.filter(right).length,
    top3: rows.filter((r) => r.answer.candidates.slice(0, 3).includes(truth(r.letter))).length,
    at80: confident.filter(right).length / confident.length,
  };
}

/** Per answered department: letters, recall lists-only and with history, and where the rest went. */
function perDepartment(letters: Letter[], listsOnly: Map<string, Answer>, withHistory: Map<string, Answer>): void {
  const departments = [...new Set(letters.map(truth))].sort(
    (a, b) => letters.filter((l) => truth(l) === b).length - letters.filter((l) => truth(l) === a).length,
  );
  console.log('\n| answered by | letters | recall, lists only | recall, with history | with history, sent instead to |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const department of departments) {
    const own = letters.filter((l) => truth(l) === department);
    const recall = (answers: Map<string, Answer>) => pct(own.filter((l) => answers.get(l.id)!.lead === department).length, own.length);
    const elsewhere = new Map<string, number>();
    for (const letter of own) {
      const lead = withHistory.get(letter.id)!.lead ?? 'unassigned';
      if (lead !== department) elsewhere.set(lead, (elsewhere.get(lead) ?? 0) + 1);
    }
    const confusion = [...elsewhere]
      .sort((a, b) => b[1] - a[1])
      .map(([d, n]) => `${d} ${n}`)
      .join(', ');
    console.log(`| ${department} | ${own.length} | ${recall(listsOnly)} | ${recall(withHistory)} | ${confusion} |`);
  }
}

async function main(): Promise<void> {
  const real = values.data!;
  const cut = `${values.cut}T00:00:00+08:00`;
  if (!existsSync(join(real, 'shanghai-letters-dev.ndjson'))) {
    log(`eval:real skipped: no real data in ${real} (pass --data FOLDER; see ../shared/data/real/README.md)`);
    return;
  }
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
    log("importing Karamay's 21 published lists from their spreadsheets (no matter tags)…");
    const bundle = join(real, 'karamay-bundle');
    const read = (file: string) => JSON.parse(readFileSync(join(bundle, file), 'utf8')) as unknown[];
    await importBundle(
      db,
      writeBundle({ 'regions.json': read('regions.json'), 'departments.json': read('departments.json'), 'sections.json': read('sections.json') }),
    );
    for (const { path, department } of karamayListFiles(join(real, 'karamay-lists'))) {
      if (!department) throw new Error(`${path}: which department's list is it?`);
      await importBundle(db, path, { defaults: { department } });
    }

    if (values.tuning) {
      log(`dispatching the ${before.length} letters before ${values.cut} (the tuning set) from the lists alone…`);
      const f = figures(before, await dispatchBatch(before, neo4jEnv, cut));
      console.log(`\neval:real --tuning  ${before.length} letters before ${values.cut}, lists only; Karamay's 21 lists\n`);
      console.log('| assigned | top-1 correct | top-1 | top-3 | top-1, 80% most confident |');
      console.log('| ---: | ---: | ---: | ---: | ---: |');
      console.log(`| ${f.assigned} | ${f.top1} | ${pct(f.top1, before.length)} | ${pct(f.top3, before.length)} | ${pct(f.at80, 1)} |`);
      return;
    }

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
    console.log('| method | assigned | top-1 correct | top-1 | top-3 | top-1, 80% most confident |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, answers] of [
      ['ours: dispatch, lists only', listsOnly],
      ['ours: dispatch, lists + letters before the cut', withHistory],
    ] as const) {
      const f = figures(after, answers);
      console.log(`| ${name} | ${f.assigned} | ${f.top1} | ${pct(f.top1, after.length)} | ${pct(f.top3, after.length)} | ${pct(f.at80, 1)} |`);
    }
    const peer = after.filter((l) => fullText.get(l.id) === truth(l)).length;
    const peerAssigned = after.filter((l) => fullText.get(l.id) !== undefined).length;
    console.log(`| peer: Neo4j full-text (CJK) over item names, best item's holder | ${peerAssigned} | ${peer} | ${pct(peer, after.length)} | | |`);
    const majority = Math.max(...[...new Set(after.map(truth))].map((d) => after.filter((l) => truth(l) === d).length));
    console.log(`| floor: always the most frequent department | ${after.length} | ${majority} | ${pct(majority, after.length)} | | |`);
    perDepartment(after, listsOnly, withHistory);

    log('analysing the untagged lists through induced matters…');
    const holders = await db.runReadOnly(
      'MATCH (d:Department)-[:HOLDS]->(p:PowerItem) RETURN p.code, d.id',
      {},
      { timeoutMs: 60_000, rowCap: 1e6, maxBytes: 1e8, check: () => undefined },
    );
    printInducedMatters((await runAnalysis(db)).report, new Map(holders.rows.map(([code, department]) => [code as string, department as string])));
  } finally {
    await db.close();
    await stopLocalNeo4j(dataDir);
  }
}

await main();
