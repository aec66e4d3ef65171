import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { z } from 'zod';
import { runAnalystQuery } from '../analyst/analyst-query.js';
import { listDepartments, listMatters, listRegions, type DepartmentView, type MatterView, type RegionView } from '../catalog/catalog.js';
import type { AnalysisReport } from '../analysis/analyze.js';
import { publishProposal } from '../analysis/run-analysis.js';
import { setBoundaryItemStatus } from '../catalog/boundary-status.js';
import { deleteRecord, importFromServerPath, importUploadedFiles, upsertRecords } from '../catalog/edit-records.js';
import type { ImportReport } from '../ingest/import-bundle.js';
import {
  complaintsPage, dashboardFigures, listBoundaryItems, powerItemsPage, serviceItemsPage, tasksPage,
  type ComplaintFilter, type PowerItemFilter, type ServiceItemFilter, type TaskFilter,
} from '../catalog/dashboard.js';
import { availableHours } from '../staffing/config.js';
import { applyTransfer, previewTransfer, staffingReport, suggestMoves } from '../staffing/staffing.js';
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
const PageArgs = z.object({ filter: z.record(z.string(), z.unknown()).nullish(), first: z.number().int().min(0).max(500).default(50), after: z.string().nullish() });
const CypherArgs = z.object({ query: z.string().max(20_000, 'at most 20,000 characters'), params: z.record(z.string(), z.unknown()).nullish() });
const yearArg = z.number().int().min(1949).max(2200).nullish();
const StaffingArgs = z.object({ year: yearArg, departments: z.array(idArg).nullish() });
const TransferArgs = z.object({ item: idArg, to: idArg, year: yearArg });
const SuggestArgs = z.object({
  year: yearArg, departments: z.array(idArg).nullish(), acrossDepartments: z.boolean().default(false),
  maxMoves: z.number().int().min(0).max(100_000).default(20), minPosts: z.number().int().min(1).default(1),
});
const BoundaryItemArgs = z.object({ region: z.string().nullish(), matter: z.string().nullish(), status: z.string().nullish() });
const UpsertArgs = z.object({ kind: z.string(), records: z.array(z.unknown()) });
const DeleteArgs = z.object({ kind: z.string(), key: idArg });
const UploadArgs = z.object({ files: z.array(z.object({ name: z.string().max(100), content: z.string() })).max(20) });
const PathArgs = z.object({ path: z.string().min(1).max(1000) });
const FindingArgs = z.object({
  kind: z.string().nullish(), region: z.string().nullish(), department: z.string().nullish(), matter: z.string().nullish(),
  first: z.number().int().min(0).max(1000).default(50), after: z.string().nullish(),
});

/** One page of findings (cursor: the finding's position, base64), filtered as asked. */
function findingsPage(report: AnalysisReport, args: z.infer<typeof FindingArgs>) {
  const matching = report.findings.filter((f) => (!args.kind || f.kind === args.kind) && (!args.region || f.region === args.region)
    && (!args.department || f.departments.some((d) => d.id === args.department)) && (!args.matter || f.matter?.id === args.matter));
  const start = args.after ? Number(Buffer.from(args.after, 'base64').toString('utf8')) + 1 : 0;
  if (!Number.isInteger(start) || start < 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'after: not a cursor of this connection');
  const page = matching.slice(start, start + args.first);
  const cursor = (i: number) => Buffer.from(String(start + i)).toString('base64');
  return {
    totalCount: matching.length,
    edges: page.map((node, i) => ({ cursor: cursor(i), node })),
    pageInfo: { hasNextPage: start + page.length < matching.length, endCursor: page.length > 0 ? cursor(page.length - 1) : null },
  };
}

/** The records of many keys through a loader (one batched query), the missing ones left out. */
async function loadAll<T>(loader: { loadMany(keys: readonly string[]): Promise<(T | null | Error)[]> }, keys: readonly string[]): Promise<T[]> {
  return (await loader.loadMany(keys)).filter((value): value is T => value !== null && !(value instanceof Error));
}

/** An import report as the API shows it: counts per kind. */
function importResult(report: ImportReport) {
  return { name: report.name ?? null, mode: report.mode, errors: report.errors, counts: Object.entries(report.counts).map(([kind, counts]) => ({ kind, ...counts })) };
}

/** Runs a change of the lists, then waits until dispatch answers from the changed graph. */
async function changeThenRefresh<T>({ dispatch }: ApiContext, change: Promise<T>): Promise<T> {
  const result = await change;
  await dispatch.refresh();
  return result;
}

/** JSON in and out as it is (params of analyst Cypher, rows of its results). */
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

export const resolvers = {
  ...enumResolvers,
  JSON: JSONScalar,
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
    analysis: (_: unknown, __: unknown, { analysis }: ApiContext) => analysis.current(),
    dashboard: (_: unknown, args: unknown, { db }: ApiContext) => dashboardFigures(db, parseArgs(RegionArgs, args).region ?? null),
    powerItems: (_: unknown, args: unknown, { db }: ApiContext) => {
      const { filter, first, after } = parseArgs(PageArgs, args);
      return powerItemsPage(db, (filter ?? {}) as PowerItemFilter, first, after);
    },
    tasks: (_: unknown, args: unknown, { db }: ApiContext) => {
      const { filter, first, after } = parseArgs(PageArgs, args);
      return tasksPage(db, (filter ?? {}) as TaskFilter, first, after);
    },
    serviceItems: (_: unknown, args: unknown, { db }: ApiContext) => {
      const { filter, first, after } = parseArgs(PageArgs, args);
      return serviceItemsPage(db, (filter ?? {}) as ServiceItemFilter, first, after);
    },
    boundaryItems: (_: unknown, args: unknown, { db }: ApiContext) =>
      listBoundaryItems(db, parseArgs(BoundaryItemArgs, args)),
    complaints: (_: unknown, args: unknown, { db }: ApiContext) => {
      const { filter, first, after } = parseArgs(PageArgs, args);
      return complaintsPage(db, (filter ?? {}) as ComplaintFilter, first, after);
    },
    cypher: (_: unknown, args: unknown, { db }: ApiContext) => {
      const { query, params } = parseArgs(CypherArgs, args);
      return runAnalystQuery(db, query, params ?? {});
    },
    staffing: async (_: unknown, args: unknown, { db }: ApiContext) => {
      const { year, departments } = parseArgs(StaffingArgs, args);
      const report = await staffingReport(db, { year: year ?? undefined, departments: departments ?? undefined });
      return { ...report, availableHours: availableHours(report.config), categoryAllowance: report.config.categoryAllowance };
    },
    staffingTransferPreview: (_: unknown, args: unknown, { db }: ApiContext) => {
      const { item, to, year } = parseArgs(TransferArgs, args);
      return previewTransfer(db, item, to, { year: year ?? undefined });
    },
    staffingSuggestions: (_: unknown, args: unknown, { db }: ApiContext) => {
      const a = parseArgs(SuggestArgs, args);
      return suggestMoves(db, { year: a.year ?? undefined, departments: a.departments ?? undefined, acrossDepartments: a.acrossDepartments, maxMoves: a.maxMoves, minPosts: a.minPosts });
    },
    dispatchIndex: (_: unknown, __: unknown, { dispatch }: ApiContext) => {
      const info = dispatch.info;
      return info ? { ...info, builtAt: info.builtAt.toISOString() } : null;
    },
  },
  Analysis: {
    findings: (report: AnalysisReport, args: unknown) => findingsPage(report, parseArgs(FindingArgs, args)),
    summary: (report: AnalysisReport) => Object.entries(report.summary.byKind).map(([kind, count]) => ({ kind, count })),
  },
  Mutation: {
    upsertRecords: async (_: unknown, args: unknown, context: ApiContext) => {
      const { kind, records } = parseArgs(UpsertArgs, args);
      return importResult(await changeThenRefresh(context, upsertRecords(context.db, kind, records)));
    },
    deleteRecord: (_: unknown, args: unknown, context: ApiContext) => {
      const { kind, key } = parseArgs(DeleteArgs, args);
      return changeThenRefresh(context, deleteRecord(context.db, kind, key));
    },
    importBundleFiles: async (_: unknown, args: unknown, context: ApiContext) =>
      importResult(await changeThenRefresh(context, importUploadedFiles(context.db, parseArgs(UploadArgs, args).files))),
    importBundle: async (_: unknown, args: unknown, context: ApiContext) =>
      importResult(await changeThenRefresh(context, importFromServerPath(context.db, context.importRoot, parseArgs(PathArgs, args).path))),
    applyStaffingTransfer: (_: unknown, args: unknown, context: ApiContext) => {
      const { item, to, year } = parseArgs(TransferArgs, args);
      return changeThenRefresh(context, applyTransfer(context.db, item, to, context.actor, { year: year ?? undefined }));
    },
    publishProposal: async (_: unknown, args: unknown, context: ApiContext) =>
      changeThenRefresh(context, publishProposal(context.db, await context.analysis.current(), parseArgs(IdArgs, args).id, context.actor)),
    recordRouting: async (_: unknown, args: RoutingInput, { db, actor }: ApiContext) => {
      const routed = await recordRouting(db, args, actor);
      return { ...routed, department: { id: routed.department, name: routed.departmentName } };
    },
    publishBoundaryItem: (_: unknown, args: unknown, context: ApiContext) =>
      changeThenRefresh(context, setBoundaryItemStatus(context.db, parseArgs(IdArgs, args).id, 'published', context.actor)),
    retireBoundaryItem: (_: unknown, args: unknown, context: ApiContext) =>
      changeThenRefresh(context, setBoundaryItemStatus(context.db, parseArgs(IdArgs, args).id, 'retired', context.actor)),
  },
  Region: {
    departments: (region: RegionView, _: unknown, { loaders }: ApiContext) => loaders.departmentsOfRegion.load(region.code),
    parent: (region: RegionView, _: unknown, { loaders }: ApiContext) => (region.parent ? loaders.regionByCode.load(region.parent) : null),
  },
  Section: {
    department: (section: { department: string }, _: unknown, { loaders }: ApiContext) => loaders.departmentById.load(section.department),
  },
  PowerItem: {
    department: (item: { department?: string }, _: unknown, { loaders }: ApiContext) => (item.department ? loaders.departmentById.load(item.department) : null),
    sections: (item: { sectionIds: string[] }, _: unknown, { loaders }: ApiContext) => loadAll(loaders.sectionById, item.sectionIds),
    matters: (item: { matterIds: string[] }, _: unknown, { loaders }: ApiContext) => loadAll(loaders.matterById, item.matterIds),
  },
  Task: {
    department: (task: { department: string }, _: unknown, { loaders }: ApiContext) => loaders.departmentById.load(task.department),
    matters: (task: { matterIds: string[] }, _: unknown, { loaders }: ApiContext) => loadAll(loaders.matterById, task.matterIds),
  },
  ServiceItem: {
    powerItems: (item: { powerItemCodes: string[] }, _: unknown, { loaders }: ApiContext) => loadAll(loaders.powerItemByCode, item.powerItemCodes),
  },
  BoundaryItem: {
    matters: (item: { matterIds: string[] }, _: unknown, { loaders }: ApiContext) => loadAll(loaders.matterById, item.matterIds),
  },
  Complaint: {
    matter: (complaint: { matter: string | null }, _: unknown, { loaders }: ApiContext) => (complaint.matter ? loaders.matterById.load(complaint.matter) : null),
  },
  Route: {
    department: (route: { department: string; departmentName: string }) => ({ id: route.department, name: route.departmentName }),
  },
  Department: {
    region: (department: DepartmentView, _: unknown, { loaders }: ApiContext) => loaders.regionByCode.load(department.region),
    sections: (department: DepartmentView, _: unknown, { loaders }: ApiContext) => loaders.sectionsOfDepartment.load(department.id),
    powerItems: (department: DepartmentView, _: unknown, { loaders }: ApiContext) => loaders.powerItemsOfDepartment.load(department.id),
    boundaryItems: (department: DepartmentView, _: unknown, { loaders }: ApiContext) => loaders.boundaryItemsOfDepartment.load(department.id),
  },
  Matter: {
    powerItems: async (matter: MatterView, _: unknown, { loaders }: ApiContext) => loadAll(loaders.powerItemByCode, await loaders.powerItemCodesOfMatter.load(matter.id)),
    parent: (matter: MatterView, _: unknown, { loaders }: ApiContext) => (matter.parent ? loaders.matterById.load(matter.parent) : null),
  },
};
