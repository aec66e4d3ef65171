import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../project-root.js';
import type { Database } from './database.js';
import { ensureTallies } from './tallies.js';

export interface Migration {
  file: string;
  statements: string[];
}

/** Splits a schema file into statements at `;` line ends; comment-only pieces are dropped. */
export function parseMigration(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('//')));
}

/** The schema files in cypher/schema, in file-name order. */
export function loadMigrations(dir: string = projectPath('cypher', 'schema')): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => ({ file, statements: parseMigration(readFileSync(join(dir, file), 'utf8')) }));
}

/**
 * Applies every constraint and index. Each statement says IF NOT EXISTS, so running this on
 * every start is safe and needs no bookkeeping of what ran before.
 */
export async function migrate(db: Database, log?: (line: string) => void): Promise<{ statements: number; schemaChanges: number }> {
  let statements = 0;
  let schemaChanges = 0;
  for (const migration of loadMigrations()) {
    for (const statement of migration.statements) {
      schemaChanges += (await db.runAutoCommit(statement)).schemaChanges;
      statements++;
    }
  }
  // Data the schema implies: the routing tallies of a graph imported before they existed.
  await ensureTallies(db, log);
  return { statements, schemaChanges };
}
