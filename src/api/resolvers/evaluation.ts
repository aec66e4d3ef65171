import { z } from 'zod';
import { commend, enterIndicator, importStandard, standardFor } from '../../evaluation/evaluation-store.js';
import { hotlineFigures } from '../../evaluation/hotline-figures.js';
import { drawFromGraph, readRoster } from '../../evaluation/roster.js';
import { computeScorecards, publishedScorecards, publishRound, type Scorecards } from '../../evaluation/scorecard.js';
import { BODIES } from '../../evaluation/standard.js';
import type { ApiContext } from '../context.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { idArg, parseArgs, requiredYearArg } from './parse-args.js';

const year = requiredYearArg;
const YearArgs = z.object({ year, region: idArg.nullish() });
const HotlineArgs = z.object({ year, departments: z.array(idArg).max(1000).nullish() });
const EntryArgs = z.object({
  year,
  department: idArg,
  indicator: idArg,
  value: z.number().finite(),
  body: z.enum(BODIES),
  note: z.string().max(2000).nullish(),
});
const DrawArgs = z.object({
  year,
  departments: z.number().int().min(1).max(10_000),
  sections: z.number().int().min(1).max(1000),
  seed: z.string().max(1000),
  region: idArg.nullish(),
});
const PublishArgs = z.object({ year, allowMissing: z.boolean().default(false) });
const CommendArgs = z.object({ year, department: idArg, text: z.string().max(2000) });

/** Scorecards in the API's flat shape. */
function flatten(cards: Scorecards) {
  return {
    year: cards.year,
    standardId: cards.standard.id,
    standardName: cards.standard.name,
    status: cards.round.status,
    publishedAt: cards.round.publishedAt,
    analysisRevision: cards.analysis.revision,
    analysisAt: cards.analysis.at,
    staffingYear: cards.staffingYear,
    departments: cards.departments,
  };
}

/** A server shares its cached analysis with the scorecards (one run however many ask). */
const analyse = (context: ApiContext) => () => context.analysis.current();

/** schema/evaluation.graphql: the standard, the draw, hotline figures and scorecards. */
export const evaluationResolvers: Resolvers = {
  Query: {
    evaluationStandard: (_, args, { db }) => standardFor(db, parseArgs(YearArgs, args).year),
    evaluationRoster: async (_, args, { db }) => {
      const { text, hash } = await readRoster(db, parseArgs(z.object({ region: idArg.nullish() }), args).region ?? undefined);
      return { text, hash };
    },
    scorecards: async (_, args, context) => {
      const { year, region } = parseArgs(YearArgs, args);
      return flatten(await computeScorecards(context.db, year, { region: region ?? undefined, analyse: analyse(context) }));
    },
    publishedScorecards: async (_, args, { db }) => {
      const { year, region } = parseArgs(YearArgs, args);
      return flatten(await publishedScorecards(db, year, region ?? undefined));
    },
    hotlineFigures: async (_, args, { db }) => {
      const { year, departments } = parseArgs(HotlineArgs, args);
      const report = await hotlineFigures(db, year, departments ?? undefined);
      const flat = <T extends { meets: { connection: boolean | null; onTime: boolean | null; satisfaction: boolean | null } }>(f: T) => ({
        ...f,
        meetsConnection: f.meets.connection,
        meetsOnTime: f.meets.onTime,
        meetsSatisfaction: f.meets.satisfaction,
      });
      return { ...report, departments: report.departments.map((d) => ({ ...d, months: d.months.map(flat), year: flat(d.year) })) };
    },
  },
  Mutation: {
    importEvaluationStandard: (_, args, { db, actor }) => importStandard(db, (args as { standard: unknown }).standard, actor),
    enterEvaluationIndicator: (_, args, { db, actor, principal }) => {
      const entry = parseArgs(EntryArgs, args);
      return enterIndicator(db, { ...entry, note: entry.note ?? undefined }, actor, principal);
    },
    drawForEvaluation: (_, args, { db, actor }) => {
      const request = parseArgs(DrawArgs, args);
      return drawFromGraph(db, { ...request, region: request.region ?? undefined }, { by: actor });
    },
    commendDepartment: (_, args, { db, actor }) => commend(db, parseArgs(CommendArgs, args), actor),
    publishEvaluation: async (_, args, context) => {
      const { year, allowMissing } = parseArgs(PublishArgs, args);
      return flatten(await publishRound(context.db, year, context.actor, { allowMissing, analyse: analyse(context) }));
    },
  },
};
