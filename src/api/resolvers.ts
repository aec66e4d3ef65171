import { z } from 'zod';
import { listDepartments, listMatters, listRegions, type DepartmentView, type MatterView, type RegionView } from '../catalog/catalog.js';
import { setBoundaryItemStatus } from '../catalog/boundary-status.js';
import { recordRouting, type RoutingInput } from '../dispatch/routing-feedback.js';
import { AppError, ErrorCode } from '../errors.js';
import type { ApiContext } from './context.js';
import { enumResolvers } from './enums.js';

/** Parses resolver arguments; a bad argument is the caller's error (BAD_USER_INPUT). */
function parseArgs<T>(schema: z.ZodType<T>, args: unknown): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

const idArg = z.string().trim().min(1, 'must not be empty');
// Argument schemas are built once: building a zod schema costs more than a dispatch lookup.
const IdArgs = z.object({ id: idArg });
const RegionArgs = z.object({ region: idArg.nullish() });
const DispatchArgs = z.object({ text: z.string(), district: z.string().trim().nullish() });

/** Publishes or retires a boundary item, then waits for dispatch to follow it. */
async function changeBoundaryItem(args: unknown, status: 'published' | 'retired', { db, dispatch, actor }: ApiContext) {
  const change = await setBoundaryItemStatus(db, parseArgs(IdArgs, args).id, status, actor);
  await dispatch.refresh();
  return change;
}

export const resolvers = {
  ...enumResolvers,
  Query: {
    regions: (_: unknown, __: unknown, { db }: ApiContext) => listRegions(db),
    departments: (_: unknown, args: unknown, { db }: ApiContext) =>
      listDepartments(db, parseArgs(RegionArgs, args) as { region?: string }),
    department: (_: unknown, args: unknown, { loaders }: ApiContext) =>
      loaders.departmentById.load(parseArgs(IdArgs, args).id),
    matters: (_: unknown, __: unknown, { db }: ApiContext) => listMatters(db),
    dispatch: (_: unknown, args: unknown, { dispatch }: ApiContext) => {
      const { text, district } = parseArgs(DispatchArgs, args);
      return dispatch.dispatch(text, district || undefined);
    },
    dispatchIndex: (_: unknown, __: unknown, { dispatch }: ApiContext) => {
      const info = dispatch.info;
      return info ? { ...info, builtAt: info.builtAt.toISOString() } : null;
    },
  },
  Mutation: {
    recordRouting: async (_: unknown, args: RoutingInput, { db, actor }: ApiContext) => {
      const routed = await recordRouting(db, args, actor);
      return { ...routed, department: { id: routed.department, name: routed.departmentName } };
    },
    publishBoundaryItem: (_: unknown, args: unknown, context: ApiContext) => changeBoundaryItem(args, 'published', context),
    retireBoundaryItem: (_: unknown, args: unknown, context: ApiContext) => changeBoundaryItem(args, 'retired', context),
  },
  Region: {
    parent: (region: RegionView, _: unknown, { loaders }: ApiContext) => (region.parent ? loaders.regionByCode.load(region.parent) : null),
  },
  Department: {
    region: (department: DepartmentView, _: unknown, { loaders }: ApiContext) => loaders.regionByCode.load(department.region),
    sections: (department: DepartmentView, _: unknown, { loaders }: ApiContext) => loaders.sectionsOfDepartment.load(department.id),
    powerItems: (department: DepartmentView, _: unknown, { loaders }: ApiContext) => loaders.powerItemsOfDepartment.load(department.id),
  },
  Matter: {
    parent: (matter: MatterView, _: unknown, { loaders }: ApiContext) => (matter.parent ? loaders.matterById.load(matter.parent) : null),
  },
};
