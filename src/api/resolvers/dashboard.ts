import { z } from 'zod';
import { complaintsPage, dashboardFigures, listBoundaryItems, powerItemsPage, serviceItemsPage, tasksPage } from '../../catalog/dashboard.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { idArg, loadAll, parseArgs } from './parse-args.js';

const DashboardArgs = z.object({ region: idArg.nullish(), fresh: z.boolean().nullish() });
const PageArgs = z.object({ first: z.number().int().min(0).max(500).default(50), after: z.string().nullish() });
const BoundaryItemArgs = z.object({ region: z.string().nullish(), matter: z.string().nullish(), status: z.string().nullish() });

/** schema/dashboard.graphql: figures for dashboards, and the lists and complaints as paged connections. */
export const dashboardResolvers: Resolvers = {
  Query: {
    dashboard: async (_, args, { db }) => {
      const { region, fresh } = parseArgs(DashboardArgs, args);
      const { value, revision, generatedAt, stale } = await dashboardFigures(db, region ?? null, { fresh: fresh ?? false });
      return { ...value, revision, generatedAt: generatedAt.toISOString(), stale };
    },
    powerItems: (_, args, { db }) => powerItemsPage(db, args.filter ?? {}, parseArgs(PageArgs, args)),
    tasks: (_, args, { db }) => tasksPage(db, args.filter ?? {}, parseArgs(PageArgs, args)),
    serviceItems: (_, args, { db }) => serviceItemsPage(db, args.filter ?? {}, parseArgs(PageArgs, args)),
    complaints: (_, args, { db }) => complaintsPage(db, args.filter ?? {}, parseArgs(PageArgs, args)),
    boundaryItems: (_, args, { db }) => listBoundaryItems(db, parseArgs(BoundaryItemArgs, args)),
  },
  Task: {
    department: (task, _, { loaders }) => loaders.departmentById.load(task.department),
    matters: (task, _, { loaders }) => loadAll(loaders.matterById, task.matterIds),
  },
  ServiceItem: {
    powerItems: (item, _, { loaders }) => loadAll(loaders.powerItemByCode, item.powerItemCodes),
  },
  BoundaryItem: {
    matters: (item, _, { loaders }) => loadAll(loaders.matterById, item.matterIds),
  },
  Complaint: {
    matter: (complaint, _, { loaders }) => (complaint.matter ? loaders.matterById.load(complaint.matter) : null),
  },
  Route: {
    department: (route) => ({ id: route.department, name: route.departmentName }),
  },
};
