import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors.js';

/** Codes Apollo itself assigns to bad requests: these errors are the caller's and keep their text. */
const CALLER_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The error a resolver threw, under the GraphQLError wrappers. Walks `originalError` rather than
 * testing `instanceof GraphQLError`, which fails when two copies of graphql are loaded.
 */
function originalError(error: unknown): unknown {
  let current = error;
  while (typeof current === 'object' && current !== null && 'originalError' in current && current.originalError) {
    current = current.originalError;
  }
  return current;
}

/**
 * Every GraphQL error leaves with `extensions.code`: AppErrors with their own code, Apollo's
 * request errors as Apollo coded them, and anything else masked as INTERNAL_SERVER_ERROR
 * (logged here, never shown: it may carry Cypher or server detail).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (message: string) => void = console.error): GraphQLFormattedError {
  const original = originalError(error);
  if (original instanceof AppError && original.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.code } };
  }
  // The caller's mistakes, as Apollo and graphql-armor code them, all become BAD_USER_INPUT (the
  // API's one enum), with Apollo's own code kept as `reason`.
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CALLER_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
  }
  log(`dutygraph: internal error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
