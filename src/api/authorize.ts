import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { permits, type Role } from '../auth/roles.js';
import { AuditLimiter, recordAudit } from '../catalog/audit.js';
import { AppError, ErrorCode, isAppError } from '../errors.js';
import type { ApiContext } from './context.js';

/**
 * Wraps every Query and Mutation field's resolver with the role check its @auth directive asks
 * for: VIEWER for queries without one, ADMIN for mutations without one; and records every
 * mutation (an AuditEntry; failures at a bounded rate per actor). The one place roles are
 * enforced; resolvers never check.
 */
export function applyAuthorization(schema: GraphQLSchema, refusals: AuditLimiter = new AuditLimiter()): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      const directive = getDirective(schema, field, 'auth')?.[0] as { requires: string } | undefined;
      const required = (directive?.requires.toLowerCase() ?? (typeName === 'Mutation' ? 'admin' : 'viewer')) as Role;
      const resolve = field.resolve ?? defaultFieldResolver;
      const check = (context: ApiContext) => {
        if (!permits(context.principal.role, required)) {
          throw new AppError(ErrorCode.FORBIDDEN, `${typeName}.${fieldName} needs the ${required} role; this request has ${context.principal.role}`);
        }
      };
      if (typeName !== 'Mutation') {
        return { ...field, resolve: (source, args, context: ApiContext, info) => (check(context), resolve(source, args, context, info)) };
      }
      // Mutations are recorded, refused or not: who, when, what, and how it ended.
      return {
        ...field,
        async resolve(source, args, context: ApiContext, info) {
          const audit = (outcome: string, unrecorded = 0) =>
            recordAudit(context.db, { actor: context.actor, role: context.principal.role, mutation: fieldName, arguments: args, outcome, unrecorded });
          try {
            check(context);
            const result = await resolve(source, args, context, info);
            await audit('ok');
            return result;
          } catch (error) {
            const admitted = refusals.admit(context.actor);
            if (admitted.write) await audit(isAppError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR, admitted.unrecorded).catch(() => undefined);
            throw error;
          }
        },
      };
    },
  });
}
