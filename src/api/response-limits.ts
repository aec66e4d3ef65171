import type { ApolloServerPlugin } from '@apollo/server';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AppError, ErrorCode } from '../errors.js';
import type { ApiContext } from './context.js';

/**
 * What one GraphQL answer may hold. Depth, aliases and graphql-armor's cost do not multiply by
 * list sizes, so a few nested lists (regions → departments → items → department → items …) could
 * still ask for millions of objects: these limits count them.
 */
const RESPONSE_LIMITS = {
  /** Objects in lists that one answer may carry; past it, the whole answer is refused. */
  maxListItems: 25_000,
  /** Refused before execution when the estimate (list sizes multiplied along each path) passes this. */
  maxEstimatedItems: 100_000,
  /** JSON size of one answer. */
  maxBytes: 8 * 2 ** 20,
  /** Answers with fewer list items than this are not measured (they cannot come near maxBytes from the graph's short fields). */
  measureBytesFrom: 1000,
  /** Assumed size of a list field not yet seen (the runtime count above is the guarantee; this only refuses early). */
  unseenListSize: 20,
};

export type ResponseLimits = typeof RESPONSE_LIMITS;

/** The largest length seen for each list field (`Type.field`), the fan-out the estimate multiplies by. */
export class ListSizes {
  private readonly largest = new Map<string, number>();

  observe(coordinate: string, length: number): void {
    if (length > (this.largest.get(coordinate) ?? 0)) this.largest.set(coordinate, length);
  }

  of(coordinate: string, fallback: number): number {
    return this.largest.get(coordinate) ?? fallback;
  }
}

/** Items of one request so far. */
export interface ResponseBudget {
  listItems: number;
}

const tooMany = (limits: ResponseLimits) =>
  new AppError(
    ErrorCode.LIMIT_EXCEEDED,
    `the answer would hold more than ${limits.maxListItems.toLocaleString('en-US')} objects in lists; ask for fewer levels, or page (first/after)`,
  );

/**
 * Wraps every field that returns a list: its items count against the request's budget (refused
 * past maxListItems, so an answer's memory is bounded while it is built) and teach `sizes` the
 * field's fan-out.
 */
export function countListItems(schema: GraphQLSchema, sizes: ListSizes, limits: ResponseLimits = RESPONSE_LIMITS): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      if (!isListType(getNullableType(field.type))) return field;
      const coordinate = `${typeName}.${fieldName}`;
      const resolve = field.resolve ?? defaultFieldResolver;
      const count = (value: unknown, context: ApiContext) => {
        if (Array.isArray(value)) {
          sizes.observe(coordinate, value.length);
          context.budget.listItems += value.length;
          if (context.budget.listItems > limits.maxListItems) throw tooMany(limits);
        }
        return value;
      };
      return {
        ...field,
        // Synchronous when the resolver is (a dispatch answer's lists): a promise per list field
        // would make graphql-js complete the whole answer asynchronously.
        resolve(source, args, context: ApiContext, info) {
          if (context.budget.listItems > limits.maxListItems) throw tooMany(limits);
          const value: unknown = resolve(source, args, context, info);
          return value instanceof Promise ? value.then((resolved: unknown) => count(resolved, context)) : count(value, context);
        },
      };
    },
  });
}

/**
 * The objects an operation may return, before it runs: each list field multiplies what is below
 * it by its size (the largest seen, or `first` for a connection's page), fragments included.
 */
export function estimateItems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  sizes: ListSizes,
  limits: ResponseLimits = RESPONSE_LIMITS,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const walk = (selectionSet: SelectionSetNode, type: GraphQLCompositeType, pageSize: number | undefined, seen: Set<string>): number => {
    let items = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) items += walk(selection.selectionSet, on, pageSize, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && on && isCompositeType(on) && !seen.has(fragment.name.value)) {
          items += walk(fragment.selectionSet, on, pageSize, new Set([...seen, fragment.name.value]));
        }
      } else if (selection.selectionSet && isObjectType(type)) {
        const field = type.getFields()[selection.name.value];
        const below = field && getNamedType(field.type);
        if (!field || !below || !isCompositeType(below)) continue;
        const firstArg = selection.arguments?.find((argument) => argument.name.value === 'first');
        const firstDef = field.args.find((argument) => argument.name === 'first');
        const first = firstArg && firstDef ? Number(valueFromAST(firstArg.value, firstDef.type, variables) ?? limits.unseenListSize) : undefined;
        const isList = isListType(getNullableType(field.type));
        const size = isList ? (pageSize ?? sizes.of(`${type.name}.${field.name}`, limits.unseenListSize)) : 1;
        items += size * ((isList ? 1 : 0) + walk(selection.selectionSet, below, first, seen));
      }
    }
    return items;
  };
  return walk(operation.selectionSet, root, undefined, new Set());
}

class LimitError extends GraphQLError {}

const refusal = (message: string) => new LimitError(message, { extensions: { code: ErrorCode.LIMIT_EXCEEDED, http: { status: 400 } } });

/** Refuses an operation whose estimate passes the limit before it runs, and an answer too large to send. */
export function responseLimitsPlugin(sizes: ListSizes, limits: ResponseLimits = RESPONSE_LIMITS): ApolloServerPlugin<ApiContext> {
  return {
    // Apollo turns an error thrown by a hook into a bare 500 unless a plugin throws it on from here.
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof LimitError) throw error;
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const estimate = estimateItems(schema, document, operation, request.variables ?? {}, sizes, limits);
          if (estimate > limits.maxEstimatedItems) {
            throw refusal(
              `the query could return about ${Math.round(estimate).toLocaleString('en-US')} objects (limit ${limits.maxEstimatedItems.toLocaleString('en-US')}); ask for fewer levels, or page (first/after)`,
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.budget.listItems < limits.measureBytesFrom) return;
          const refuse = (message: string) => {
            // The whole answer, not a part of it: a partial one would look complete to a dashboard.
            if (response.body.kind === 'single')
              response.body.singleResult = { data: null, errors: [{ message, extensions: { code: ErrorCode.LIMIT_EXCEEDED } }] };
          };
          if (contextValue.budget.listItems > limits.maxListItems) return refuse(tooMany(limits).message);
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult.data ?? null));
          if (bytes > limits.maxBytes) {
            refuse(
              `the answer is ${Math.round(bytes / 2 ** 20)} MB, more than the ${limits.maxBytes / 2 ** 20} MB one answer may be; ask for fewer fields or page`,
            );
          }
        },
      };
    },
  };
}
