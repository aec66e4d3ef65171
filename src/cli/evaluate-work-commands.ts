import { Option, type Command } from 'commander';
import { cityTime } from '../analysis/local-time.js';
import type { Principal } from '../auth/roles.js';
import { refreshAnalysis } from '../evaluation/analysis-record.js';
import { getForm, listForms, openForms, remindLateForms, reviewForm, saveForm, submitForm, type Form } from '../evaluation/form-store.js';
import { addProblem, closeProblem, listProblems, PROBLEM_SOURCES, sendFindingsToLedger, type Problem, type ProblemSource } from '../evaluation/ledger.js';
import { cliActor } from './cli-actor.js';
import { parseEvaluationYear, print, readJsonFile } from './evaluate-args.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';

/** `dutygraph evaluate forms …` and `evaluate ledger …`: the office's side of the three forms and the rectification ledger. */

/** The command line is the office: it acts for every department. */
const office = (): Principal => ({ role: 'admin', actor: cliActor() });
const STATUS: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  accepted: '已通过',
  open: '整改中',
  closed: '已销号',
  reopened: '已重新打开',
};

function formLine(f: Form): string {
  const gaps = [...f.blocking, ...f.warnings];
  return `| ${f.id} | ${f.title} | ${STATUS[f.status]} | ${cityTime(f.dueAt)}${f.late ? '（逾期）' : ''} | ${f.reminders} | ${gaps.join('；')} |`;
}

function problemLine(p: Problem): string {
  return `| ${p.id} | ${p.description} | ${p.owner} | ${cityTime(p.deadline)}${p.overdue ? '（逾期）' : ''} | ${STATUS[p.status]} | ${p.evidence ?? ''} |`;
}

const FORM_TABLE = ['| 表 | 名称 | 状态 | 截止时间 | 催报次数 | 待完善 |', '| --- | --- | --- | --- | ---: | --- |'];
const LEDGER_TABLE = ['| 问题 | 描述 | 责任人 | 整改时限 | 状态 | 整改佐证 |', '| --- | --- | --- | --- | --- | --- |'];

export function registerEvaluateWorkCommands(evaluate: Command): void {
  const forms = evaluate.command('forms').description('the three forms each department fills (1+3): open, list, fill, submit, return, accept, remind');
  forms
    .command('open')
    .description("open the year's three forms for every department of the roster (or some), prefilled from the graph")
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .requiredOption('--due <date-time>', 'deadline, ISO 8601 (e.g. 2022-01-31T18:00:00+08:00)')
    .option('--department <id...>', 'only these departments')
    .option('--region <code>', 'only departments of this region')
    .action(
      runAction(async (flags: { year: number; due: string; department?: string[]; region?: string }) =>
        withDatabase(async ({ db }) => {
          const result = await openForms(db, { year: flags.year, dueAt: flags.due, departments: flags.department, region: flags.region }, cliActor());
          print(`opened ${result.opened} form(s); the ${flags.year} round has ${result.forms}`);
        }),
      ),
    );
  forms
    .command('list')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .option('--department <id>', 'only this department')
    .option('--json', 'print JSON')
    .action(
      runAction(async (flags: { year: number; department?: string; json?: boolean }) =>
        withDatabase(async ({ db }) => {
          const list = await listForms(db, office(), flags.year, flags.department);
          print(flags.json ? JSON.stringify(list, null, 2) : [...FORM_TABLE, ...list.map(formLine)].join('\n'));
        }),
      ),
    );
  forms
    .command('show <id>')
    .description('one form with its prefill, content, warnings and history, as JSON')
    .action(runAction(async (id: string) => withDatabase(async ({ db }) => print(JSON.stringify(await getForm(db, office(), id), null, 2)))));
  forms
    .command('save <id>')
    .description("write a form's content from a JSON file (docs/evaluation.md)")
    .requiredOption('--file <file>', 'the content as JSON')
    .action(
      runAction(async (id: string, flags: { file: string }) => {
        const content = readJsonFile(flags.file);
        await withDatabase(async ({ db }) => {
          const form = await saveForm(db, office(), id, content, cliActor());
          print(`saved ${form.id}${form.blocking.length + form.warnings.length ? `; still missing: ${[...form.blocking, ...form.warnings].join('；')}` : ''}`);
        });
      }),
    );
  for (const [name, description] of [
    ['submit', 'submit a form (refused while its summary is empty)'],
    ['accept', 'accept a submitted form'],
  ] as const) {
    forms
      .command(`${name} <id>`)
      .description(description)
      .action(
        runAction(async (id: string) =>
          withDatabase(async ({ db }) => {
            const form = name === 'submit' ? await submitForm(db, office(), id, cliActor()) : await reviewForm(db, office(), id, 'accept', cliActor());
            print(`${form.id}: ${STATUS[form.status]}`);
          }),
        ),
      );
  }
  forms
    .command('return <id>')
    .description('return a submitted form for correction')
    .requiredOption('--reason <text>', 'what to correct')
    .action(
      runAction(async (id: string, flags: { reason: string }) =>
        withDatabase(async ({ db }) => print(`${(await reviewForm(db, office(), id, 'return', cliActor(), flags.reason)).id}: ${STATUS.returned}`)),
      ),
    );
  forms
    .command('remind')
    .description('remind every form past its deadline and not submitted (recorded on the form)')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .action(
      runAction(async (flags: { year: number }) =>
        withDatabase(async ({ db }) => {
          const reminded = await remindLateForms(db, flags.year, cliActor());
          print([`sent ${reminded.length} reminder(s)`, ...(reminded.length ? [...FORM_TABLE, ...reminded.map(formLine)] : [])].join('\n'));
        }),
      ),
    );

  const ledger = evaluate.command('ledger').description('the rectification ledger (整改台账): problems, deadlines, owners, closure with evidence');
  ledger
    .command('list')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .option('--department <id>', 'only this department')
    .option('--overdue', 'only problems open past their deadline')
    .option('--json', 'print JSON')
    .action(
      runAction(async (flags: { year: number; department?: string; overdue?: boolean; json?: boolean }) =>
        withDatabase(async ({ db }) => {
          const problems = (await listProblems(db, flags.year, flags.department)).filter((p) => !flags.overdue || p.overdue);
          print(flags.json ? JSON.stringify(problems, null, 2) : [...LEDGER_TABLE, ...problems.map(problemLine)].join('\n'));
        }),
      ),
    );
  ledger
    .command('add')
    .description('put a problem found by hand (a form, an inquiry, a talk…) on the ledger')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .requiredOption('--department <id>', 'the department that fixes it')
    .addOption(new Option('--source <source>', 'where it was found').choices(PROBLEM_SOURCES).default('other'))
    .option('--ref <id>', 'the form, inquiry… it came from')
    .requiredOption('--description <text>', 'the problem, in a sentence')
    .requiredOption('--deadline <date-time>', 'fix by, ISO 8601')
    .requiredOption('--owner <text>', 'who fixes it')
    .action(
      runAction(
        async (flags: { year: number; department: string; source: ProblemSource; ref?: string; description: string; deadline: string; owner: string }) =>
          withDatabase(async ({ db }) => {
            const problem = await addProblem(db, { ...flags, sourceRef: flags.ref }, cliActor());
            print(`added ${problem.id}`);
          }),
      ),
    );
  ledger
    .command('send')
    .description('send findings of the current analysis to the ledger: a problem for each department each names')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .requiredOption('--finding <id...>', 'finding ids (dutygraph analyze --json)')
    .requiredOption('--deadline <date-time>', 'fix by, ISO 8601')
    .requiredOption('--owner <text>', 'who fixes them')
    .action(
      runAction(async (flags: { year: number; finding: string[]; deadline: string; owner: string }) =>
        withDatabase(async ({ db }) => {
          const { findings } = await refreshAnalysis(db);
          const result = await sendFindingsToLedger(
            db,
            findings,
            { year: flags.year, ids: flags.finding, deadline: flags.deadline, owner: flags.owner },
            cliActor(),
          );
          print(`added ${result.added.length} problem(s)${result.already ? `; ${result.already} were on the ledger already` : ''}`);
        }),
      ),
    );
  ledger
    .command('close <id>')
    .description('close a problem (销号), with the evidence of its fix')
    .requiredOption('--evidence <text>', 'what was done, and where it can be checked')
    .action(
      runAction(async (id: string, flags: { evidence: string }) =>
        withDatabase(async ({ db }) => print(`${(await closeProblem(db, id, flags.evidence, cliActor())).id}: ${STATUS.closed}`)),
      ),
    );
  ledger
    .command('check')
    .description('run the analysis now: closed problems it finds again are reopened')
    .action(
      runAction(async () =>
        withDatabase(async ({ db }) => {
          const { reopened } = await refreshAnalysis(db);
          print(reopened.length ? `reopened ${reopened.length}: ${reopened.join(', ')}` : 'no closed problem came back');
        }),
      ),
    );
}
