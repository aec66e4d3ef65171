import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { projectPath } from '../project-root.js';
import { applyAuthorization } from './authorize.js';
import type { ApiContext } from './context.js';
import { formatError } from './format-error.js';
import { resolvers } from './resolvers.js';

/** The SDL of every schema/*.graphql file, one area a file. */
export function loadTypeDefs(dir: string = projectPath('schema')): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/** The Apollo Server of the API (not yet started). */
export function createApolloServer(): ApolloServer<ApiContext> {
  return new ApolloServer<ApiContext>({
    schema: applyAuthorization(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers })),
    formatError: (formatted, error) => formatError(formatted, error),
    includeStacktraceInErrorResponses: false,
    // No cache hints are set anywhere; the plugin would still visit every resolved field.
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
}
