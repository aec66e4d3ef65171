import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { permits, type Role } from '../auth/roles.js';
import { AppError, ErrorCode } from '../errors.js';
import type { ApiContext } from './context.js';

/**
 * Wraps every Query and Mutation field's resolver with the role check its @auth directive asks
 * for: VIEWER for queries without one, ADMIN for mutations without one. The one place roles
 * are enforced; resolvers never check.
 */
export function applyAuthorization(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      const directive = getDirective(schema, field, 'auth')?.[0] as { requires: string } | undefined;
      const required = (directive?.requires.toLowerCase() ?? (typeName === 'Mutation' ? 'admin' : 'viewer')) as Role;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, context: ApiContext, info) {
          if (!permits(context.principal.role, required)) {
            throw new AppError(ErrorCode.FORBIDDEN, `${typeName}.${fieldName} needs the ${required} role; this request has ${context.principal.role}`);
          }
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
