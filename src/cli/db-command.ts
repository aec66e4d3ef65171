import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { connect } from '../db/connect.js';
import { existingLocalCredentials } from '../db/local-credentials.js';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../db/local-neo4j.js';
import { migrate } from '../db/migrate.js';
import { deleteAllData } from '../db/admin.js';
import { AppError, ErrorCode } from '../errors.js';
import { resolve } from 'node:path';
import { runAction } from './run-action.js';

interface LocalFlags {
  dataDir?: string;
  port?: string;
  httpPort?: string;
}

/** The configuration with --data-dir / --port / --http-port applied over the environment. */
function localConfig(flags: LocalFlags): Config {
  const config = loadConfig({
    ...process.env,
    ...(flags.port !== undefined ? { NEO4J_BOLT_PORT: flags.port } : {}),
    ...(flags.httpPort !== undefined ? { NEO4J_HTTP_PORT: flags.httpPort } : {}),
  });
  if (flags.dataDir) config.local.dataDir = resolve(flags.dataDir);
  return config;
}

/** `dutygraph db start|stop|status|reset|migrate`: the local Neo4j and the schema. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('run the local Neo4j and manage the schema');
  const dataDirOption = ['--data-dir <dir>', 'data folder of the local Neo4j (default: $DUTYGRAPH_DATA_DIR or .data)'] as const;

  db.command('start')
    .description('start the local Neo4j in the background; returns once Bolt answers')
    .option(...dataDirOption)
    .option('--port <n>', 'Bolt port on 127.0.0.1 (default: $NEO4J_BOLT_PORT or 7687)')
    .option('--http-port <n>', 'Neo4j Browser port, 0 for none (default: $NEO4J_HTTP_PORT or 7474)')
    .action(
      runAction(async (flags: LocalFlags) => {
        const config = localConfig(flags);
        const started = await startLocalNeo4j({ ...config.local, password: config.neo4j.password }, { detached: true });
        const verb = started.alreadyRunning ? 'already running' : 'started';
        process.stdout.write(`local Neo4j ${verb}: pid ${started.pid}, ${started.boltUri}${started.browserUrl ? `, Browser ${started.browserUrl}` : ''}\n`);
      }),
    );

  db.command('stop')
    .description('stop the local Neo4j of a data folder (only that process)')
    .option(...dataDirOption)
    .action(
      runAction(async (flags: LocalFlags) => {
        const config = localConfig(flags);
        const result = await stopLocalNeo4j(config.local.dataDir);
        process.stdout.write(result.stopped ? `local Neo4j stopped (pid ${result.pid})\n` : `no local Neo4j was running in ${config.local.dataDir}\n`);
      }),
    );

  db.command('status')
    .description('tell whether the local Neo4j of a data folder runs; --json adds uri, user and password')
    .option(...dataDirOption)
    .option('--json', 'print JSON')
    .action(
      runAction(async (flags: LocalFlags & { json?: boolean }) => {
        const config = localConfig(flags);
        const status = localNeo4jStatus(config.local.dataDir);
        // For other tools (the Neo4j Browser, cypher-shell, scripts): where to connect and as whom.
        const credentials = existingLocalCredentials(config.local.dataDir, config.neo4j.password);
        const connection = status.state === 'running' ? { uri: status.boltUri, ...credentials } : {};
        if (flags.json) process.stdout.write(JSON.stringify({ ...status, ...connection }) + '\n');
        else if (status.state === 'running')
          process.stdout.write(
            `running: pid ${status.pid}, ${status.boltUri}${status.browserUrl ? `, Browser ${status.browserUrl}` : ''}; user neo4j, password: dutygraph db status --json\n`,
          );
        else if (status.state === 'stale') process.stdout.write(`stopped (stale pid file for pid ${status.pid})\n`);
        else process.stdout.write(`stopped (${status.dataDir})\n`);
        if (status.state !== 'running') process.exitCode = 3;
      }),
    );

  db.command('reset')
    .description('delete every node and relationship of the graph, in batches, and apply the schema again (asks for --yes)')
    .option('--yes', 'yes, delete everything in the database NEO4J_URI (or the local Neo4j) names')
    .action(
      runAction(async (flags: { yes?: boolean }) => {
        if (!flags.yes) throw new AppError(ErrorCode.BAD_USER_INPUT, 'db reset deletes everything in the graph; run it again with --yes');
        const connection = await connect(loadConfig(), { startLocal: true });
        try {
          const before = await deleteAllData(connection.db);
          await migrate(connection.db);
          const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
          process.stdout.write(`deleted ${sum(before.nodes)} nodes and ${sum(before.relationships)} relationships from ${connection.db.uri}; schema applied\n`);
        } finally {
          await connection.close();
        }
      }),
    );

  db.command('migrate')
    .description('apply the constraints and indexes of cypher/schema (idempotent)')
    .action(
      runAction(async () => {
        const connection = await connect(loadConfig(), { startLocal: true });
        try {
          const { statements } = await migrate(connection.db);
          process.stdout.write(`schema up to date (${statements} statements applied idempotently)\n`);
        } finally {
          await connection.close();
        }
      }),
    );
}
