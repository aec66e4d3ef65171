import type { Command } from 'commander';
import { startService } from '../api/start-service.js';
import { loadConfig } from '../config.js';
import { runAction } from './run-action.js';

/** `dutygraph serve`: the GraphQL API, until Ctrl-C or SIGTERM. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve GraphQL at http://$HOST:$PORT/graphql (starts the local Neo4j when NEO4J_URI is unset)')
    .option('--demo', 'load the demo bundle when the graph is empty')
    .option('--port <port>', 'the API port (overrides PORT)')
    .action(
      runAction(async (flags: { demo?: boolean; port?: string }) => {
        const config = loadConfig({ ...process.env, ...(flags.port !== undefined ? { PORT: flags.port } : {}) });
        const service = await startService(config, { demo: flags.demo ?? false });
        if (service.browserUrl) process.stdout.write(`dutygraph: Neo4j Browser at ${service.browserUrl} (Cypher; connect to the Bolt URL it shows)\n`);
        process.stdout.write(`dutygraph: GraphQL at ${service.url}/graphql, health at ${service.url}/healthz (Ctrl-C stops)\n`);
        await new Promise<void>((resolve) => {
          const shutdown = (signal: NodeJS.Signals) => {
            process.stderr.write(`dutygraph: ${signal}, stopping…\n`);
            service.stop().then(resolve, (error: unknown) => {
              process.stderr.write(`dutygraph: error while stopping: ${String(error)}\n`);
              resolve();
            });
          };
          process.once('SIGINT', shutdown);
          process.once('SIGTERM', shutdown);
        });
      }),
    );
}
