import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError, publicCode } from '../../src/api/format-error.js';
import { AppError, ErrorCode } from '../../src/errors.js';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['department'] });

describe('formatError', () => {
  it('puts the AppError code in extensions.code and keeps its message', () => {
    const out = formatError({ message: 'x' }, wrap(new AppError(ErrorCode.NOT_FOUND, 'no department d-x')));
    expect(out.extensions?.code).toBe('NOT_FOUND');
    expect(out.message).toBe('no department d-x');
  });

  it("turns Apollo's request error codes into BAD_USER_INPUT, keeping Apollo's code as the reason", () => {
    const formatted = { message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(formatted, new GraphQLError('x'))).toEqual({
      message: 'Cannot query field "nope"',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('masks anything else as INTERNAL_SERVER_ERROR', () => {
    const out = formatError({ message: 'Neo.ClientError.Statement.SyntaxError: MATCH ...' }, wrap(new Error('secret detail')));
    expect(out).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it.each([
    { error: wrap(new AppError(ErrorCode.CONFLICT, 'x')), apolloCode: undefined, code: 'CONFLICT' },
    { error: new GraphQLError('x'), apolloCode: 'GRAPHQL_PARSE_FAILED', code: 'BAD_USER_INPUT' },
    { error: new GraphQLError('x'), apolloCode: 'INTERNAL_SERVER_ERROR', code: 'INTERNAL_SERVER_ERROR' },
    { error: wrap(new Error('boom')), apolloCode: undefined, code: 'INTERNAL_SERVER_ERROR' },
  ])('publicCode: $code', ({ error, apolloCode, code }) => {
    expect(publicCode(error, apolloCode)).toBe(code);
  });
});
