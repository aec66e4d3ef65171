import { z } from 'zod';
import type { AnalysisReport } from '../../analysis/analyze.js';
import { departmentMap, departmentPair, MAX_MAP_NODES, placeDepartments, type PlacedDepartments } from '../../analysis/department-map.js';
import { FINDING_KINDS } from '../../analysis/findings.js';
import { publishProposal } from '../../analysis/run-analysis.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { changeThenRefresh, IdArgs, parseArgs } from './parse-args.js';

const FindingArgs = z.object({
  kind: z.string().nullish(),
  region: z.string().nullish(),
  department: z.string().nullish(),
  matter: z.string().nullish(),
  first: z.number().int().min(0).max(1000).default(50),
  after: z.string().nullish(),
});

/** One page of findings (cursor: the finding's position, base64), filtered as asked. */
function findingsPage(report: AnalysisReport, args: z.infer<typeof FindingArgs>) {
  const matching = report.findings.filter(
    (f) =>
      (!args.kind || f.kind === args.kind) &&
      (!args.region || f.region === args.region) &&
      (!args.department || f.departments.some((d) => d.id === args.department)) &&
      (!args.matter || f.matter?.id === args.matter),
  );
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

const MapArgs = z.object({
  region: z.string().nullish(),
  maxNodes: z.number().int().min(1).max(MAX_MAP_NODES).default(400),
  maxEdges: z.number().int().min(0).max(10_000).default(3000),
});

const FreshArgs = z.object({
  fresh: z
    .boolean()
    .nullish()
    .transform((fresh) => fresh ?? false),
});

const FirstArgs = z.object({ first: z.number().int().min(0).max(50).default(10) });

const PairArgs = z.object({ a: z.string().min(1), b: z.string().min(1) });

/**
 * Departments placed for a map, per report (one graph revision) and region: the layout runs once
 * for each, and only for regions the report knows, so no choice of arguments makes more layouts
 * than the city has regions.
 */
const placements = new WeakMap<AnalysisReport, Map<string, PlacedDepartments>>();

function placed(report: AnalysisReport, region: string | null | undefined): PlacedDepartments {
  if (region && !Object.hasOwn(report.regions, region)) throw new AppError(ErrorCode.NOT_FOUND, `no region "${region}"`);
  const byRegion = placements.get(report) ?? new Map<string, PlacedDepartments>();
  placements.set(report, byRegion);
  const key = region ?? '';
  let placement = byRegion.get(key);
  if (!placement) byRegion.set(key, (placement = placeDepartments(report, region ?? null)));
  return placement;
}

/** schema/analysis.graphql: the analysis of the current graph revision, and publishing its proposals. */
export const analysisResolvers: Resolvers = {
  Query: {
    analysis: (_, args, { analysis }) => analysis.latest({ fresh: parseArgs(FreshArgs, args).fresh }),
  },
  Mutation: {
    publishProposal: async (_, args, context) =>
      changeThenRefresh(context, publishProposal(context.db, await context.analysis.current(), parseArgs(IdArgs, args).id, context.actor)),
  },
  Analysis: {
    generatedAt: ({ value }) => value.generatedAt,
    proposals: ({ value }) => value.proposals,
    communities: ({ value }) => value.communities,
    findings: ({ value }, args) => findingsPage(value, parseArgs(FindingArgs, args)),
    summary: ({ value }) => FINDING_KINDS.map((kind) => ({ kind, count: value.summary.byKind[kind] })),
    refusalPairs: ({ value }, args) => value.bounces.byPair.slice(0, parseArgs(FirstArgs, args).first),
    departmentMap: ({ value }, args) => {
      const { region, ...limits } = parseArgs(MapArgs, args);
      return departmentMap(placed(value, region), limits);
    },
    departmentPair: ({ value }, args) => {
      const { a, b } = parseArgs(PairArgs, args);
      const pair = departmentPair(value, a, b);
      if (!pair) throw new AppError(ErrorCode.NOT_FOUND, `"${a}" or "${b}" is not a department on the boundary map`);
      return pair;
    },
  },
};
