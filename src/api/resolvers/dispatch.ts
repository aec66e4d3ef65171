import { z } from 'zod';
import { setBoundaryItemStatus } from '../../catalog/boundary-status.js';
import { recordRouting } from '../../dispatch/routing-feedback.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { changeThenRefresh, IdArgs, parseArgs } from './parse-args.js';

const DispatchArgs = z.object({ text: z.string(), district: z.string().trim().nullish() });

/** schema/dispatch.graphql: lookups, the index they answer from, routing feedback and boundary items' status. */
export const dispatchResolvers: Resolvers = {
  Query: {
    dispatch: (_, args, { dispatch }) => {
      const { text, district } = parseArgs(DispatchArgs, args);
      return dispatch.dispatch(text, district || undefined);
    },
    dispatchIndex: (_, __, { dispatch }) => {
      const info = dispatch.info;
      return info ? { ...info, builtAt: info.builtAt.toISOString() } : null;
    },
  },
  Mutation: {
    recordRouting: async (_, args, { db, actor }) => {
      const routed = await recordRouting(db, args, actor);
      return { ...routed, department: { id: routed.department, name: routed.departmentName } };
    },
    publishBoundaryItem: (_, args, context) =>
      changeThenRefresh(context, setBoundaryItemStatus(context.db, parseArgs(IdArgs, args).id, 'published', context.actor)),
    retireBoundaryItem: (_, args, context) =>
      changeThenRefresh(context, setBoundaryItemStatus(context.db, parseArgs(IdArgs, args).id, 'retired', context.actor)),
  },
};
