import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/api/format-error.js';
import { AppError, ErrorCode } from '../../src/errors.js';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['department'] });

describe('formatError', () => {
  it('puts the AppError code in extensions.code and keeps its message', () => {
    const out = formatError({ message: 'x' }, wrap(new AppError(ErrorCode.NOT_FOUND, 'no department d-x')));
    expect(out.extensions?.code).toBe('NOT_FOUND');
    expect(out.message).toBe('no department d-x');
  });

  it("keeps Apollo's own request error codes", () => {
    const formatted = { message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(formatted, new GraphQLError('x'))).toBe(formatted);
  });

  it('masks anything else as INTERNAL_SERVER_ERROR and logs it', () => {
    const logged: string[] = [];
    const out = formatError({ message: 'Neo.ClientError.Statement.SyntaxError: MATCH ...' }, wrap(new Error('secret detail')), (m) => logged.push(m));
    expect(out).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged[0]).toContain('secret detail');
  });
});
