import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { BREAK, execute, GraphQLError, Kind, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * How queries are compiled. A compiled query runs a dispatch answer's fields in a fifth of
 * graphql-js's time (docs/benchmarks.md); compiling costs about a millisecond, so only queries a
 * caller repeats (dashboards, hotline systems) are compiled, a bounded number of them, at a
 * bounded rate: a caller sending ever new queries cannot make the server compile all the time.
 */
const COMPILING = {
  /** A query is compiled on its this-many-th execution (the earlier ones run on graphql-js). */
  after: 2,
  /** Compiled queries kept; the least recently compiled goes first. */
  kept: 200,
  /** Compilations per second, at most. */
  perSecond: 10,
};

export type CompilingOptions = typeof COMPILING;

/**
 * What may be compiled: a document with one query operation, no introspection (the explorer's
 * runs once a page load) and no string literal. graphql-jit writes a query's literal arguments
 * into the code it generates, then rewrites a marker for dates inside that code: a string
 * argument holding the marker ran as code in the server (0.8.9; test/unit/compiled-execution.test.ts).
 * Strings given as variables stay values; callers that repeat a query pass variables anyway.
 */
function compilable(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.operation !== 'query') return false;
  let refused = false;
  const refuse = () => {
    refused = true;
    return BREAK;
  };
  visit(document, {
    StringValue: refuse,
    Field: (field) => (field.name.value === '__schema' || field.name.value === '__type' ? refuse() : undefined),
  });
  return !refused;
}

/**
 * graphql-jit's errors as graphql-js makes them: its own are frozen, and the plugins after
 * execution (graphql-armor's) rewrite an error's message in place.
 */
function asGraphqlJs(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((error) => {
    const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
    return Object.assign(copy, { locations: error.locations });
  });
  return { ...result, errors };
}

export interface CompiledExecution extends GatewayInterface {
  /** How many queries are kept compiled now. */
  compiledQueries(): number;
}

/**
 * Executes operations for Apollo Server, through the gateway interface (the one way Apollo lets
 * another executor in). Everything before execution stays Apollo's: parsing, validation (armor's
 * limits among its rules), the plugins' checks (token and answer limits), and everything after
 * (error formatting, the answer's size check). Queries repeated by callers run compiled by
 * graphql-jit; mutations, one-off queries and those that cannot be compiled run on graphql-js.
 * Documents are the ones Apollo parsed and keeps (its document cache), so a repeated query
 * arrives as the same object.
 */
export function compiledExecution(schema: GraphQLSchema, options: CompilingOptions = COMPILING): CompiledExecution {
  // Executions so far of documents not compiled yet; 'never' once one is found not compilable.
  const runs = new WeakMap<DocumentNode, number | 'never'>();
  const compiled = new Map<DocumentNode, CompiledQuery | undefined>();
  let budget = { second: 0, left: options.perSecond };

  const compiledFor = (document: DocumentNode): CompiledQuery | undefined => {
    if (compiled.has(document)) return compiled.get(document);
    const before = runs.get(document) ?? 0;
    if (before === 'never') return undefined;
    runs.set(document, before + 1);
    if (before + 1 < options.after) return undefined;
    if (!compilable(document)) {
      runs.set(document, 'never');
      return undefined;
    }
    const second = Math.floor(Date.now() / 1000);
    if (budget.second !== second) budget = { second, left: options.perSecond };
    if (budget.left <= 0) return undefined;
    budget.left--;
    const result = compileQuery(schema, document);
    // A query graphql-jit cannot compile is remembered as such, and runs on graphql-js.
    const query = isCompiledQuery(result) ? result : undefined;
    compiled.set(document, query);
    if (compiled.size > options.kept) compiled.delete(compiled.keys().next().value!);
    return query;
  };

  const executor: GatewayExecutor = async ({ document, operationName, context, request }) => {
    const query = compiledFor(document);
    if (query) return asGraphqlJs(await query.query(undefined, context, request.variables ?? {}));
    return execute({ schema, document, operationName, contextValue: context, variableValues: request.variables });
  };

  return {
    compiledQueries: () => [...compiled.values()].filter(Boolean).length,
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
