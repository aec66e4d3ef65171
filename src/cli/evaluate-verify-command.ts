import { Option, type Command } from 'commander';
import { INQUIRY_RECIPIENTS, type InquiryRecipient } from '../evaluation/inquiry-letters.js';
import {
  answerQuestionnaire,
  inquiryLetter,
  listVerifications,
  QUESTIONNAIRE,
  recordInquiryAnswer,
  recordTalk,
  startVerification,
  verificationReport,
} from '../evaluation/verification.js';
import { cliActor } from './cli-actor.js';
import { parseEvaluationYear, print } from './evaluate-args.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';

/** `dutygraph evaluate verify …`: the five ones (五个一) for drawn or piloted departments. */

const answers = (text: string) =>
  text
    .split(/[\s,，]+/)
    .filter(Boolean)
    .map(Number);
const recipient = () =>
  new Option('--to <recipient>', 'justice (the justice bureau) or hotline (the 12345 centre)').choices(INQUIRY_RECIPIENTS).makeOptionMandatory();

export function registerEvaluateVerifyCommand(evaluate: Command): void {
  const verify = evaluate
    .command('verify')
    .description('the five ones (五个一) for drawn or piloted departments: report, inquiry letters, questionnaire, talks, ledger');
  verify
    .command('start')
    .description('start the verification of the departments a recorded draw drew (--draw), or of piloted ones (--department)')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .option('--draw <id>', 'a draw recorded with `evaluate draw --record`')
    .option('--department <id...>', 'piloted departments')
    .action(
      runAction(async (flags: { year: number; draw?: string; department?: string[] }) =>
        withDatabase(async ({ db }) => {
          const started = await startVerification(db, { year: flags.year, draw: flags.draw, departments: flags.department }, cliActor());
          print(`verifying ${started.map((v) => v.id).join(', ')}`);
        }),
      ),
    );
  verify
    .command('list')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .action(
      runAction(async (flags: { year: number }) => withDatabase(async ({ db }) => print(JSON.stringify(await listVerifications(db, flags.year), null, 2)))),
    );
  verify
    .command('letter <id>')
    .description('the inquiry letter, written from the graph (id: <year>/<department>)')
    .addOption(recipient())
    .action(runAction(async (id: string, flags: { to: InquiryRecipient }) => withDatabase(async ({ db }) => print(await inquiryLetter(db, id, flags.to)))));
  verify
    .command('answer <id>')
    .description("record a recipient's answer to the inquiry letter")
    .addOption(recipient())
    .requiredOption('--text <answer>', 'the answer')
    .action(
      runAction(async (id: string, flags: { to: InquiryRecipient; text: string }) =>
        withDatabase(async ({ db }) =>
          print(`recorded; ${(await recordInquiryAnswer(db, id, flags.to, flags.text, cliActor())).inquiries.length} answer(s) so far`),
        ),
      ),
    );
  verify
    .command('questionnaire <id>')
    .description(`add one anonymous questionnaire: ${QUESTIONNAIRE.length} answers 1–5 in order (${QUESTIONNAIRE.map((q, i) => `${i + 1}. ${q}`).join('; ')})`)
    .requiredOption('--answers <list>', 'e.g. "4 5 3 4 4 5 3 4"', answers)
    .action(
      runAction(async (id: string, flags: { answers: number[] }) =>
        withDatabase(async ({ db }) => print(`${(await answerQuestionnaire(db, id, flags.answers)).respondents} questionnaire(s) so far`)),
      ),
    );
  verify
    .command('talk <id>')
    .description('record the notes of one talk of the meeting')
    .requiredOption('--with <role>', 'whom (a role, e.g. 执法科科长)')
    .requiredOption('--notes <text>', 'what was said')
    .action(
      runAction(async (id: string, flags: { with: string; notes: string }) =>
        withDatabase(async ({ db }) => print(`recorded; ${(await recordTalk(db, id, flags, cliActor())).talks.length} talk(s) so far`)),
      ),
    );
  verify
    .command('report <id>')
    .description('the verification report (Markdown, Chinese)')
    .action(runAction(async (id: string) => withDatabase(async ({ db }) => print(await verificationReport(db, id)))));
}
