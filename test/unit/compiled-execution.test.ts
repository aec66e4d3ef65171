import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledExecution, type CompilingOptions } from '../../src/api/compiled-execution.js';
import { formatError } from '../../src/api/format-error.js';
import { AppError, ErrorCode } from '../../src/errors.js';

const typeDefs = `
  enum Via { BOUNDARY_ITEM, POWER_ITEM }
  type Query { answer(text: String!): Answer!, maybe(text: String!): Answer, items: [Item!]! }
  type Mutation { touch: Int! }
  type Answer { status: String!, via: Via!, score: Float!, items: [Item!]!, refused: String }
  type Item { id: ID!, name: String! }
`;
let touched = 0;
const resolvers = {
  Via: { BOUNDARY_ITEM: 'boundary-item', POWER_ITEM: 'power-item' },
  Query: {
    answer: (_: unknown, { text }: { text: string }) => {
      if (text === '') throw new AppError(ErrorCode.BAD_USER_INPUT, 'text: the complaint text is empty');
      return { status: 'assigned', via: 'power-item', score: 0.75, items: [{ id: 'p1', name: '噪声' }] };
    },
    maybe: (_: unknown, { text }: { text: string }) =>
      text === 'boom' ? Promise.reject(new Error('secret detail')) : { status: 'x', via: 'boundary-item', score: 1, items: [] },
    items: () => [{ id: 'a', name: '甲' }],
  },
  Answer: { refused: () => Promise.reject(new AppError(ErrorCode.FORBIDDEN, 'not for you')) },
  Mutation: { touch: () => ++touched },
};

type Answer = Awaited<ReturnType<Awaited<ReturnType<typeof server>>['run']>>;

const servers: ApolloServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** Apollo as the API runs it (armor's plugins rewrite errors after execution), on the compiled executor. */
async function server(options: Partial<CompilingOptions> = {}) {
  const executor = compiledExecution(makeExecutableSchema({ typeDefs, resolvers }), { after: 2, kept: 200, perSecond: 100, ...options });
  const armor = new ApolloArmor({ maxTokens: { enabled: false } }).protect();
  const apollo = new ApolloServer({ gateway: executor, formatError, ...armor, plugins: armor.plugins as ApolloServerPlugin[] });
  servers.push(apollo);
  await apollo.start();
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await apollo.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { http: response.http.status, ...response.body.singleResult };
  };
  return { run, compiled: () => executor.compiledQueries() };
}

describe('compiled execution', () => {
  it('answers a repeated query the same, compiled or not: data, enums, errors with their code, path and locations', async () => {
    const { run, compiled } = await server();
    const queries: [string, Record<string, unknown>][] = [
      ['query ($text: String!) { answer(text: $text) { status via score items { id name } } }', { text: '楼下噪声' }],
      ['query ($text: String!) { answer(text: $text) { status } }', { text: '' }],
      ['query ($text: String!) { maybe(text: $text) { status } items { id } }', { text: 'boom' }],
      ['query ($text: String!) { maybe(text: $text) { via refused } }', { text: 'ok' }],
      ['query ($text: String!) { answer(text: $text) { status } }', { text: 42 }],
    ];
    for (const [query, variables] of queries) {
      const first = await run(query, variables);
      const repeated = [await run(query, variables), await run(query, variables)];
      expect(repeated).toEqual([first, first]);
    }
    expect(compiled()).toBe(4); // the last fails variable coercion before it executes
    const [plain, bad, internal, partial] = (await Promise.all(queries.map(([q, v]) => run(q, v)))) as [Answer, Answer, Answer, Answer];
    expect(plain.data).toEqual({ answer: { status: 'assigned', via: 'POWER_ITEM', score: 0.75, items: [{ id: 'p1', name: '噪声' }] } });
    expect(bad.errors).toEqual([
      { message: 'text: the complaint text is empty', locations: [{ line: 1, column: 26 }], path: ['answer'], extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(internal).toMatchObject({ data: { maybe: null, items: [{ id: 'a' }] }, errors: [{ message: 'Internal server error', path: ['maybe'] }] });
    expect(partial).toMatchObject({ data: { maybe: { via: 'BOUNDARY_ITEM', refused: null } }, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('never compiles a document with a string literal: graphql-jit would write it into its code', async () => {
    const { run, compiled } = await server({ after: 1 });
    // graphql-jit 0.8.9 turns this marker, inside the code it generates from literal arguments, into `new Date(…)`.
    const marker = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
    const attack = `{ answer(text: "${marker}0)&&(globalThis.compiledAttack=1)&&(0") { status } }`;
    for (let i = 0; i < 3; i++) expect((await run(attack)).data).toEqual({ answer: { status: 'assigned' } });
    await run('query ($text: String = "默认") { answer(text: $text) { status } }');
    expect((globalThis as { compiledAttack?: number }).compiledAttack).toBeUndefined();
    expect(compiled()).toBe(0);
    // The same text as a variable is a value, and compiles.
    for (let i = 0; i < 2; i++)
      await run('query ($text: String!) { answer(text: $text) { status } }', { text: `${marker}0)&&(globalThis.compiledAttack=1)&&(0` });
    expect(compiled()).toBe(1);
    expect((globalThis as { compiledAttack?: number }).compiledAttack).toBeUndefined();
  });

  it('compiles queries only: mutations and introspection run on graphql-js', async () => {
    const { run, compiled } = await server({ after: 1 });
    for (let i = 0; i < 3; i++) await run('mutation { touch }');
    for (let i = 0; i < 3; i++) await run('{ __schema { queryType { name } } }');
    expect(compiled()).toBe(0);
    expect((await run('mutation { touch }')).data).toEqual({ touch: 4 });
  });

  it('keeps a bounded number of compiled queries and compiles at a bounded rate', async () => {
    const kept = await server({ after: 1, kept: 3 });
    for (let i = 0; i < 10; i++) await kept.run(`{ items { id } a${i}: items { name } }`);
    expect(kept.compiled()).toBe(3);

    const slow = await server({ after: 1, perSecond: 2 });
    // Within one second at most two compile; the rest still answer, on graphql-js.
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => slow.run(`{ b${i}: items { id } }`)));
    expect(answers.map((a) => a.data)).toEqual(Array.from({ length: 6 }, (_, i) => ({ [`b${i}`]: [{ id: 'a' }] })));
    expect(slow.compiled()).toBeLessThanOrEqual(4); // two a second; the six may straddle a second's edge
  });
});
