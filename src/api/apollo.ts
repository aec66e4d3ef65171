import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { projectPath } from '../project-root.js';
import { applyAuthorization } from './authorize.js';
import { compiledExecution } from './compiled-execution.js';
import type { ApiContext } from './context.js';
import { formatError } from './format-error.js';
import { resolvers } from './resolvers/index.js';
import { countListItems, ListSizes, responseLimitsPlugin } from './response-limits.js';
import { tokenLimitPlugin } from './token-limit.js';

/** The SDL of every schema/*.graphql file, one area a file. */
export function loadTypeDefs(dir: string = projectPath('schema')): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/**
 * Query limits: depth, aliases, directives and a cost estimate (graphql-armor), tokens
 * (token-limit.ts: armor's own token check answers 500), and the objects an answer may hold
 * (response-limits.ts: list sizes multiplied, counted, bytes). The brief's dashboards need depth
 * 6 and a few hundred tokens; these leave room and stop abuse.
 */
const QUERY_LIMITS = { maxDepth: 10, maxAliases: 15, maxDirectives: 10, maxTokens: 2000, maxCost: 5000 };

/** The Apollo Server of the API (not yet started), with the plugins the HTTP front adds (requests, shutdown). */
export function createApolloServer(plugins: ApolloServerPlugin<ApiContext>[] = []): ApolloServer<ApiContext> {
  const listSizes = new ListSizes();
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
  }).protect();
  const schema = countListItems(applyAuthorization(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers })), listSizes);
  return new ApolloServer<ApiContext>({
    gateway: compiledExecution(schema),
    formatError,
    ...armor,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    // Apollo turns introspection off under NODE_ENV=production (the Dockerfile's), which leaves the
    // web app's explorer (#/graphql) without a schema. The schema is no secret (schema/*.graphql
    // is the documentation); what a caller may do is decided by @auth on each field, and an
    // introspection query pays the same depth, token and answer limits as any other.
    introspection: true,
    // The CLI stops the service itself (serve-command.ts: HTTP, the analysis kept, the driver
    // closed). Apollo's own handler would stop Apollo alone and then kill the process with the
    // same signal, in the middle of that.
    stopOnTerminationSignals: false,
    // No cache hints are set anywhere; the plugin would still visit every resolved field.
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<ApiContext>[]),
      tokenLimitPlugin(QUERY_LIMITS.maxTokens),
      responseLimitsPlugin(listSizes),
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads its sandbox from the internet; the web app has an offline explorer (#/graphql).
      ApolloServerPluginLandingPageDisabled(),
      ...plugins,
    ],
  });
}
