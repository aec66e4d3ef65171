import { z } from 'zod';
import { refreshAnalysis } from '../../evaluation/analysis-record.js';
import { getForm, listForms, openForms, remindLateForms, reviewForm, saveForm, submitForm } from '../../evaluation/form-store.js';
import { addProblem, closeProblem, listProblems, PROBLEM_SOURCES, sendFindingsToLedger } from '../../evaluation/ledger.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { idArg, IdArgs, parseArgs } from './parse-args.js';

const year = z.number().int().min(2000).max(2200);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const FormsArgs = z.object({ year, department: idArg.nullish() });
const OpenArgs = z.object({ year, dueAt: text(40), departments: z.array(idArg).max(10_000).nullish(), region: idArg.nullish() });
const ReturnArgs = z.object({ id: idArg, reason: text(2000) });
const SendArgs = z.object({ year, findings: z.array(idArg).min(1).max(10_000), deadline: text(40), owner: text(200) });
const ProblemArgs = z.object({
  year,
  department: idArg,
  source: z.enum(PROBLEM_SOURCES),
  sourceRef: idArg.nullish(),
  description: text(2000),
  deadline: text(40),
  owner: text(200),
});
const CloseArgs = z.object({ id: idArg, evidence: text(5000) });

/** schema/evaluation-work.graphql: the three forms (scoped to a department's token) and the ledger. */
export const evaluationWorkResolvers: Resolvers = {
  Query: {
    evaluationForms: (_, args, { db, principal }) => {
      const { year, department } = parseArgs(FormsArgs, args);
      return listForms(db, principal, year, department ?? undefined);
    },
    evaluationForm: (_, args, { db, principal }) => getForm(db, principal, parseArgs(IdArgs, args).id),
    ledger: (_, args, { db }) => {
      const { year, department } = parseArgs(FormsArgs, args);
      return listProblems(db, year, department ?? undefined);
    },
  },
  Mutation: {
    openEvaluationForms: (_, args, { db, actor }) => {
      const a = parseArgs(OpenArgs, args);
      return openForms(db, { year: a.year, dueAt: a.dueAt, departments: a.departments ?? undefined, region: a.region ?? undefined }, actor);
    },
    saveEvaluationForm: (_, args, { db, principal, actor }) =>
      saveForm(db, principal, parseArgs(IdArgs, args).id, (args as { content: unknown }).content, actor),
    submitEvaluationForm: (_, args, { db, principal, actor }) => submitForm(db, principal, parseArgs(IdArgs, args).id, actor),
    returnEvaluationForm: (_, args, { db, principal, actor }) => {
      const { id, reason } = parseArgs(ReturnArgs, args);
      return reviewForm(db, principal, id, 'return', actor, reason);
    },
    acceptEvaluationForm: (_, args, { db, principal, actor }) => reviewForm(db, principal, parseArgs(IdArgs, args).id, 'accept', actor),
    remindLateEvaluationForms: (_, args, { db, actor }) => remindLateForms(db, parseArgs(z.object({ year }), args).year, actor),
    sendFindingsToLedger: async (_, args, context) => {
      const a = parseArgs(SendArgs, args);
      const { findings } = await refreshAnalysis(context.db, () => context.analysis.current());
      return sendFindingsToLedger(context.db, findings, { year: a.year, ids: a.findings, deadline: a.deadline, owner: a.owner }, context.actor);
    },
    addLedgerProblem: (_, args, { db, actor }) => {
      const a = parseArgs(ProblemArgs, args);
      return addProblem(db, { ...a, sourceRef: a.sourceRef ?? undefined }, actor);
    },
    closeLedgerProblem: (_, args, { db, actor }) => {
      const { id, evidence } = parseArgs(CloseArgs, args);
      return closeProblem(db, id, evidence, actor);
    },
  },
};
