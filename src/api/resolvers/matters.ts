import { z } from 'zod';
import { induceMattersInGraph, matterDecisions } from '../../catalog/induced-matters.js';
import type { Resolvers } from '../generated/resolver-types.js';
import type { ApiContext } from '../context.js';
import { changeThenRefresh, IdArgs, idArg, loadRequired, parseArgs } from './parse-args.js';

const RenameArgs = z.object({ id: idArg, name: z.string() });
const MergeArgs = z.object({ into: idArg, from: z.array(idArg).min(1).max(100) });
const SplitArgs = z.object({ id: idArg, items: z.array(idArg).min(1).max(5000), name: z.string() });

/** The matter a decision left, read after the change. */
async function decided(context: ApiContext, change: Promise<{ id: string }>) {
  const { id } = await changeThenRefresh(context, change);
  return loadRequired(context.loaders.matterById, id, 'matter');
}

/** schema/matters.graphql: induced matters and analysts' decisions on them. */
export const matterResolvers: Resolvers = {
  Mutation: {
    induceMatters: (_, __, context) => changeThenRefresh(context, induceMattersInGraph(context.db)),
    renameMatter: (_, args, context) => {
      const { id, name } = parseArgs(RenameArgs, args);
      return decided(context, matterDecisions.rename(context.db, id, name));
    },
    confirmMatter: (_, args, context) => decided(context, matterDecisions.confirm(context.db, parseArgs(IdArgs, args).id)),
    mergeMatters: (_, args, context) => {
      const { into, from } = parseArgs(MergeArgs, args);
      return decided(context, matterDecisions.merge(context.db, into, from));
    },
    splitMatter: (_, args, context) => {
      const { id, items, name } = parseArgs(SplitArgs, args);
      return decided(context, matterDecisions.split(context.db, id, items, name));
    },
  },
};
