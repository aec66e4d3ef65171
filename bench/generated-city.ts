import { GENERATOR_VERSION } from '../seed/generator/generate.js';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrate.js';
import { projectPath } from '../src/project-root.js';
import type { ComplaintTruth } from '../seed/generator/build-complaints.js';
import { freePort } from '../test/helpers/free-port.js';

export type { ComplaintTruth };

/**
 * The folder of a generated city (`dutygraph seed`), generated on first use and cached in
 * .data/bench. Holds bundle/ (NDJSON files) and truth.json.
 */
export function generatedCity(scale: string, seed: string): string {
  const out = projectPath('.data', 'bench', `scale-${scale}-seed-${seed}-v${GENERATOR_VERSION}`);
  if (!existsSync(join(out, 'truth.json'))) {
    // A child process, so the generator's memory does not count in this process's peak RSS.
    execFileSync(process.execPath, ['--import', 'tsx', projectPath('src/cli/main.ts'), 'seed', '--scale', scale, '--seed', seed, '--out', out], {
      stdio: 'inherit',
    });
  }
  return out;
}

export function readTruth(city: string): ComplaintTruth[] {
  return (JSON.parse(readFileSync(join(city, 'truth.json'), 'utf8')) as { complaints: ComplaintTruth[] }).complaints;
}

export interface CityGraph {
  db: Database;
  /** Where a child process (the CLI, the server) finds this Neo4j: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD. */
  neo4jEnv: Record<string, string>;
  /** The Neo4j JVM's process id. */
  pid: number;
  /** True when this run imported the city (the JVM's peak memory then includes the import). */
  imported: boolean;
  close(): Promise<void>;
}

/**
 * A local Neo4j holding the generated city, kept in the city's folder between runs (the import
 * of scale 1 takes a minute; a marker file says it completed). Started for this process only.
 */
export async function openCityGraph(city: string, log: (line: string) => void): Promise<CityGraph> {
  const dataDir = join(city, 'neo4j');
  const marker = join(dataDir, 'imported.json');
  const local = await startLocalNeo4j(
    { dataDir, boltPort: await freePort(), httpPort: 0, heap: '2g', pageCache: '1g', txTimeout: '600s' },
    { detached: false },
  );
  const close = () => stopLocalNeo4j(dataDir);
  try {
    const db = await Database.connect({ uri: local.boltUri, ...local.credentials, database: 'neo4j' });
    const neo4jEnv = { NEO4J_URI: local.boltUri, NEO4J_USER: local.credentials.user, NEO4J_PASSWORD: local.credentials.password };
    await migrate(db);
    const imported = !existsSync(marker);
    if (imported) {
      log(`importing ${city}/bundle into ${dataDir} (once; later runs reuse it)…`);
      // A child process, as a user would run it, so the import's memory is not this process's.
      execFileSync(process.execPath, ['--import', 'tsx', projectPath('src/cli/main.ts'), 'import', join(city, 'bundle')], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, ...neo4jEnv },
      });
      writeFileSync(marker, JSON.stringify({ at: new Date().toISOString() }));
    }
    return {
      db,
      neo4jEnv,
      pid: local.pid,
      imported,
      close: async () => {
        await db.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
