import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors.js';
import type { ApiContext } from './context.js';
import { originalError, publicCode } from './format-error.js';
import type { Metrics } from './observability.js';

/** An operation's name, else its first root field: what the logs and metrics call a request. */
function operationLabel(operation: OperationDefinitionNode | undefined, name: string | null | undefined): string {
  if (name) return name;
  const first = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return first?.kind === Kind.FIELD ? first.name.value : 'unknown';
}

/**
 * What the API does around every GraphQL request, in one plugin: names the operation for the
 * request's log line and metrics, counts errors by public code, and logs internal errors with
 * the request id (the caller sees only "Internal server error").
 */
export function requestPlugin(metrics: Metrics, logger: Logger): ApolloServerPlugin<ApiContext> {
  const report = (error: unknown, apolloCode: unknown, requestId: string) => {
    const code = publicCode(error, apolloCode);
    metrics.errors.inc({ code });
    if (code === ErrorCode.INTERNAL_SERVER_ERROR) logger.error({ requestId, err: originalError(error) }, 'internal error');
    return code;
  };
  return {
    // Errors thrown by hooks (the token limit while parsing) end the request here, not in didEncounterErrors.
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      report(error, error instanceof GraphQLError ? error.extensions.code : undefined, requestContext.contextValue.request.id);
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          contextValue.request.operation = operationLabel(operation, operationName);
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) report(error, error.extensions?.code, contextValue.request.id);
        },
      };
    },
  };
}
