import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../src/api/context.js';
import { countListItems, estimateItems, ListSizes, responseLimitsPlugin, type ResponseLimits } from '../../src/api/response-limits.js';

const typeDefs = `
  type Query { all: [Thing!]!, things(first: Int): ThingConnection!, one: Thing }
  type Thing { id: ID!, label: String!, children: [Thing!]! }
  type ThingConnection { edges: [ThingEdge!]! }
  type ThingEdge { node: Thing! }
`;
const things = (n: number, label = 'x') => Array.from({ length: n }, (_, i) => ({ id: String(i), label }));
const resolvers = {
  Query: {
    all: () => things(10),
    things: (_: unknown, { first }: { first: number }) => ({ edges: things(first).map((node) => ({ node })) }),
    one: () => things(1)[0],
  },
  Thing: { children: (thing: { label: string }) => things(10, thing.label) },
};
const LIMITS: ResponseLimits = { maxListItems: 500, maxEstimatedItems: 5000, maxBytes: 20_000, measureBytesFrom: 0, unseenListSize: 10 };

function server(limits = LIMITS) {
  const sizes = new ListSizes();
  const apollo = new ApolloServer<ApiContext>({
    schema: countListItems(makeExecutableSchema({ typeDefs, resolvers }), sizes, limits),
    plugins: [responseLimitsPlugin(sizes, limits)],
  });
  const run = async (query: string) => {
    const response = await apollo.executeOperation({ query }, { contextValue: { budget: { listItems: 0 } } as ApiContext });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };
  return { apollo, sizes, run };
}

const estimate = (query: string, sizes = new ListSizes()) => {
  const document = parse(query);
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  return estimateItems(schema, document, document.definitions[0] as OperationDefinitionNode, {}, sizes, LIMITS);
};

describe('estimateItems', () => {
  it('multiplies list sizes along each path, through fragments, and pages by first', () => {
    expect(estimate('{ all { children { children { id } } } }')).toBe(10 * (1 + 10 * (1 + 10)));
    expect(estimate('{ a: all { id } b: all { id } }')).toBe(20);
    expect(estimate('{ things(first: 3) { edges { node { children { id } } } } }')).toBe(3 * (1 + 10));
    expect(estimate('{ all { ...F } } fragment F on Thing { children { ... on Thing { children { id } } } }')).toBe(10 * (1 + 10 * (1 + 10)));
    expect(estimate('{ one { id } }')).toBe(0);
  });

  it('uses the largest size seen for a field', () => {
    const sizes = new ListSizes();
    sizes.observe('Query.all', 2);
    sizes.observe('Query.all', 4);
    sizes.observe('Query.all', 3);
    expect(estimate('{ all { id } }', sizes)).toBe(4);
  });
});

describe('response limits', () => {
  it('answers what fits, and learns the fan-out of each list field', async () => {
    const { run, sizes } = server();
    const result = await run('{ all { children { id } } }');
    expect(result.errors).toBeUndefined();
    expect(sizes.of('Thing.children', 0)).toBe(10);
  });

  it('refuses before running a query whose estimate passes the limit', async () => {
    const result = await server().run('{ all { children { children { children { id } } } } }');
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    expect(result.errors?.[0]?.message).toMatch(/about 11,110 objects \(limit 5,000\)/);
  });

  it('refuses the whole answer when the objects counted while running pass the cap', async () => {
    // The estimate (1,110) passes; running it counts 10 + 100 + 1,000 objects.
    const result = await server().run('{ all { children { children { id } } } }');
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'LIMIT_EXCEEDED' } })]);
  });

  it('refuses an answer larger than maxBytes', async () => {
    const { run } = server({ ...LIMITS, maxBytes: 2_000 });
    const result = await run('{ all { children { id label } } }');
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/more than the .* MB one answer may be/);
  });
});
