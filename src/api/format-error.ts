import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors.js';

/** Codes Apollo itself assigns to bad requests: these errors are the caller's and keep their text. */
const CALLER_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The error a resolver threw, under the GraphQLError wrappers. Walks `originalError` rather than
 * testing `instanceof GraphQLError`, which fails when two copies of graphql are loaded.
 */
export function originalError(error: unknown): unknown {
  let current = error;
  while (typeof current === 'object' && current !== null && 'originalError' in current && current.originalError) {
    current = current.originalError;
  }
  return current;
}

/**
 * The public code of an error: an AppError's own code; Apollo's and graphql-armor's request
 * errors (given as `apolloCode`) become BAD_USER_INPUT; anything else is INTERNAL_SERVER_ERROR.
 */
export function publicCode(error: unknown, apolloCode: unknown): ErrorCode {
  const original = originalError(error);
  if (original instanceof AppError) return original.code;
  if (apolloCode === ErrorCode.LIMIT_EXCEEDED) return ErrorCode.LIMIT_EXCEEDED;
  return typeof apolloCode === 'string' && CALLER_CODES.has(apolloCode) ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL_SERVER_ERROR;
}

/** Detail lines (bad records of an import) an error carries at most. */
const MAX_DETAILS = 100;

/**
 * Every GraphQL error leaves with `extensions.code` from the API's one set (publicCode), Apollo's
 * own code kept as `reason`; internal errors are masked (the request plugin logs them): they may
 * carry Cypher or server detail.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const apolloCode = formatted.extensions?.code;
  const code = publicCode(error, apolloCode);
  const { locations, path } = formatted;
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) return { message: 'Internal server error', locations, path, extensions: { code } };
  const original = originalError(error);
  if (original instanceof AppError) {
    // The per-record reasons of a refused import, as the CLI prints them and structured (kind, key,
    // field, reason); capped so an answer stays small.
    const details = original.details?.slice(0, MAX_DETAILS);
    const problems = original.problems?.slice(0, MAX_DETAILS);
    return {
      message: original.message,
      locations,
      path,
      extensions: { code, ...(details?.length ? { details } : {}), ...(problems?.length ? { problems } : {}) },
    };
  }
  return { message: formatted.message, locations, path, extensions: { code, reason: apolloCode } };
}
