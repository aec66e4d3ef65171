import { GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../src/api/context.js';
import { createMetrics } from '../../src/api/observability.js';
import { requestPlugin } from '../../src/api/request-plugin.js';
import { AppError, ErrorCode } from '../../src/errors.js';

/** The plugin's hooks for one request, with a logger that keeps its lines. */
async function hooksFor() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const metrics = createMetrics();
  const hooks = (await requestPlugin(metrics, logger).requestDidStart!({} as never))!;
  const contextValue = { request: { id: 'req-7', operation: '', actor: 'test' } } as ApiContext;
  return { hooks, lines, metrics, contextValue };
}

describe('the request plugin', () => {
  it('names the operation: its name, else its first root field', async () => {
    const { hooks, contextValue } = await hooksFor();
    const operation = parse('{ regions { code } }').definitions[0] as OperationDefinitionNode;
    await hooks.didResolveOperation!({ operation, operationName: null, contextValue } as never);
    expect(contextValue.request.operation).toBe('regions');
    await hooks.didResolveOperation!({ operation, operationName: 'Regions', contextValue } as never);
    expect(contextValue.request.operation).toBe('Regions');
  });

  it('logs an internal error with the request id and counts errors by public code', async () => {
    const { hooks, lines, metrics, contextValue } = await hooksFor();
    const internal = new GraphQLError('boom', { originalError: new Error('secret detail') });
    const notFound = new GraphQLError('x', { originalError: new AppError(ErrorCode.NOT_FOUND, 'x') });
    const tooLong = new GraphQLError('Token limit', { extensions: { code: 'BAD_USER_INPUT' } });
    await hooks.didEncounterErrors!({ errors: [internal, notFound, tooLong], operation: undefined, contextValue } as never);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-7', msg: 'internal error', err: { message: 'secret detail' } });
    const counted = await metrics.errors.get();
    expect(Object.fromEntries(counted.values.map((v) => [v.labels.code, v.value]))).toEqual({ INTERNAL_SERVER_ERROR: 1, NOT_FOUND: 1, BAD_USER_INPUT: 1 });
  });
});
