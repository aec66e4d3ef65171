import { z } from 'zod';
import { availableHours } from '../../staffing/config.js';
import { applyTransfer, previewTransfer, staffingReport, suggestMoves } from '../../staffing/staffing.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { changeThenRefresh, idArg, parseArgs, yearArg } from './parse-args.js';

const StaffingArgs = z.object({ year: yearArg, departments: z.array(idArg).nullish() });
const TransferArgs = z.object({ item: idArg, to: idArg, year: yearArg });
const SuggestArgs = z.object({
  year: yearArg,
  departments: z.array(idArg).nullish(),
  acrossDepartments: z.boolean().default(false),
  maxMoves: z.number().int().min(0).max(100_000).default(20),
  minPosts: z.number().int().min(1).default(1),
});

/** schema/staffing.graphql: workload against posts, transfers (preview and apply) and suggested moves. */
export const staffingResolvers: Resolvers = {
  Query: {
    staffing: async (_, args, { db }) => {
      const { year, departments } = parseArgs(StaffingArgs, args);
      const report = await staffingReport(db, { year: year ?? undefined, departments: departments ?? undefined });
      return { ...report, availableHours: availableHours(report.config), categoryAllowance: report.config.categoryAllowance };
    },
    staffingTransferPreview: (_, args, { db }) => {
      const { item, to, year } = parseArgs(TransferArgs, args);
      return previewTransfer(db, item, to, { year: year ?? undefined });
    },
    staffingSuggestions: (_, args, { db }) => {
      const a = parseArgs(SuggestArgs, args);
      return suggestMoves(db, {
        year: a.year ?? undefined,
        departments: a.departments ?? undefined,
        acrossDepartments: a.acrossDepartments,
        maxMoves: a.maxMoves,
        minPosts: a.minPosts,
      });
    },
  },
  Mutation: {
    applyStaffingTransfer: (_, args, context) => {
      const { item, to, year } = parseArgs(TransferArgs, args);
      return changeThenRefresh(context, applyTransfer(context.db, item, to, context.actor, { year: year ?? undefined }));
    },
  },
};
