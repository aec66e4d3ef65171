import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolver-types.js';
import { parseArgs } from './parse-args.js';

const CypherArgs = z.object({ query: z.string().max(20_000, 'at most 20,000 characters'), params: z.record(z.string(), z.unknown()).nullish() });

/** JSON in and out as it is (params of analyst Cypher, rows of its results). */
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

/** schema/analyst.graphql: read-only Cypher for analysts. */
export const analystResolvers: Resolvers = {
  JSON: JSONScalar,
  Query: {
    cypher: (_, args, { analyst, actor }) => {
      const { query, params } = parseArgs(CypherArgs, args);
      return analyst.run(actor, query, params ?? {});
    },
  },
};
