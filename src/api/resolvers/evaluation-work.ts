import { z } from 'zod';
import { refreshAnalysis } from '../../evaluation/analysis-record.js';
import { getForm, listForms, openForms, remindLateForms, reviewForm, saveForm, submitForm } from '../../evaluation/form-store.js';
import { addProblem, closeProblem, listProblems, PROBLEM_SOURCES, sendFindingsToLedger } from '../../evaluation/ledger.js';
import { INQUIRY_RECIPIENTS } from '../../evaluation/inquiry-letters.js';
import {
  answerQuestionnaire,
  inquiryLetter,
  listVerifications,
  recordInquiryAnswer,
  recordTalk,
  startVerification,
  verificationReport,
} from '../../evaluation/verification.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { idArg, IdArgs, parseArgs, requiredYearArg } from './parse-args.js';

const year = requiredYearArg;
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
const LetterArgs = z.object({ id: idArg, to: z.enum(INQUIRY_RECIPIENTS) });
const StartArgs = z.object({ year, draw: idArg.nullish(), departments: z.array(idArg).max(10_000).nullish() });
const AnswerArgs = z.object({ id: idArg, to: z.enum(INQUIRY_RECIPIENTS), answer: text(5000) });
const TalkArgs = z.object({ id: idArg, with: text(200), notes: text(20_000) });
const QuestionnaireArgs = z.object({ id: idArg, answers: z.array(z.number().int()).max(100) });

/** schema/evaluation-work.graphql: the three forms (scoped to a department's token), the ledger and the verification (五个一). */
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
    verifications: (_, args, { db }) => listVerifications(db, parseArgs(z.object({ year }), args).year),
    inquiryLetter: (_, args, { db }) => {
      const { id, to } = parseArgs(LetterArgs, args);
      return inquiryLetter(db, id, to);
    },
    verificationReport: (_, args, { db }) => verificationReport(db, parseArgs(IdArgs, args).id),
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
    startVerification: (_, args, { db, actor }) => {
      const a = parseArgs(StartArgs, args);
      return startVerification(db, { year: a.year, draw: a.draw ?? undefined, departments: a.departments ?? undefined }, actor);
    },
    recordInquiryAnswer: (_, args, { db, actor }) => {
      const { id, to, answer } = parseArgs(AnswerArgs, args);
      return recordInquiryAnswer(db, id, to, answer, actor);
    },
    recordTalk: (_, args, { db, actor }) => {
      const { id, with: whom, notes } = parseArgs(TalkArgs, args);
      return recordTalk(db, id, { with: whom, notes }, actor);
    },
    answerQuestionnaire: (_, args, { db }) => {
      const { id, answers } = parseArgs(QuestionnaireArgs, args);
      return answerQuestionnaire(db, id, answers);
    },
  },
};
