import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError, ErrorCode } from '../errors.js';
import { commend, enterIndicator, importStandard, standardFor } from '../evaluation/evaluation-store.js';
import { hotlineFigures } from '../evaluation/hotline-figures.js';
import { drawFromGraph, readRoster } from '../evaluation/roster.js';
import { computeScorecards, publishRound } from '../evaluation/scorecard.js';
import { renderHotlineMarkdown, renderScorecardsHtml, renderScorecardsMarkdown } from '../evaluation/scorecard-report.js';
import { scorecardsWorkbook } from '../evaluation/scorecard-xlsx.js';
import { BODIES, type Body } from '../evaluation/standard.js';
import { cliActor } from './cli-actor.js';
import { registerEvaluateVerifyCommand } from './evaluate-verify-command.js';
import { registerEvaluateWorkCommands } from './evaluate-work-commands.js';
import { parseEvaluationYear, print, readJsonFile } from './evaluate-args.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';

const whole = (text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
};
const number = (text: string) => {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
};

/** Writes `content` to --out or standard output. */
function emit(content: string | Buffer, out: string | undefined): void {
  if (out) {
    writeFileSync(resolve(out), content);
    process.stderr.write(`wrote ${resolve(out)}\n`);
  } else if (typeof content === 'string') print(content);
  else throw new AppError(ErrorCode.BAD_USER_INPUT, '--format xlsx needs --out FILE');
}

/** `dutygraph evaluate …`: the yearly evaluation of how departments' functions run (docs/evaluation.md). */
export function registerEvaluateCommand(program: Command): void {
  const evaluate = program
    .command('evaluate')
    .description('the yearly evaluation: standards, the double-random draw, forms, hotline figures, the ledger, scorecards');
  registerEvaluateWorkCommands(evaluate);
  registerEvaluateVerifyCommand(evaluate);

  const standard = evaluate.command('standard').description('the evaluation standard (indicator tree) of a year');
  standard
    .command('import <file>')
    .description('store a standard (JSON, docs/evaluation.md) as the next version of its year')
    .action(
      runAction(async (file: string) => {
        const value = readJsonFile(file);
        await withDatabase(async ({ db }) => {
          const stored = await importStandard(db, value, cliActor(), file);
          print(`stored ${stored.id} (version ${stored.version} of ${stored.year}, a draft until the round is published)`);
        });
      }),
    );
  standard
    .command('show')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .description('the standard a year is scored by, as JSON')
    .action(runAction(async (flags: { year: number }) => withDatabase(async ({ db }) => print(JSON.stringify(await standardFor(db, flags.year), null, 2)))));

  evaluate
    .command('roster')
    .description('the roster a draw draws from, one line a department or section, and its SHA-256: publish both before the seed is known')
    .option('--region <code>', 'only departments of this region')
    .action(
      runAction(async (flags: { region?: string }) =>
        withDatabase(async ({ db }) => {
          const { text, hash } = await readRoster(db, flags.region);
          process.stdout.write(text);
          process.stderr.write(`roster SHA-256 ${hash}\n`);
        }),
      ),
    );

  evaluate
    .command('draw')
    .description('the double-random draw (双随机): departments, then sections in each, reproducible from the roster and a public seed')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .requiredOption('--departments <n>', 'departments to draw', whole)
    .requiredOption('--sections <m>', 'sections to draw in each', whole)
    .requiredOption('--seed <text>', 'a public text nobody knew when the roster was published (e.g. a lottery result)')
    .option('--region <code>', 'only departments of this region')
    .option('--record', 'keep the draw in the graph with who drew it and when')
    .option('--json', 'print JSON')
    .action(
      runAction(async (flags: { year: number; departments: number; sections: number; seed: string; region?: string; record?: boolean; json?: boolean }) =>
        withDatabase(async ({ db }) => {
          const draw = await drawFromGraph(db, flags, flags.record ? { by: cliActor() } : undefined);
          if (flags.json) return print(JSON.stringify(draw, null, 2));
          const lines = [
            `# ${draw.year}年度“双随机”抽取结果`,
            '',
            `- 名单：${draw.rosterSize.departments}个部门、${draw.rosterSize.sections}个内设机构，SHA-256 ${draw.rosterHash}`,
            `- 种子：${draw.seed}`,
            `- 方法：${draw.algorithm}`,
            '',
            '| 序号 | 部门 | 抽中的内设机构 |',
            '| ---: | --- | --- |',
            ...draw.departments.map(
              (d, i) => `| ${i + 1} | ${d.name}（${d.id}） | ${d.sections.map((s) => `${s.name}（${s.id}）`).join('、') || '（无内设机构）'} |`,
            ),
          ];
          print(lines.join('\n'));
        }),
      ),
    );

  evaluate
    .command('hotline')
    .description('12345 figures per department and month, against the 99% / 99% / 90% marks, and boundary items before and after they took effect')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .option('--department <id...>', 'only these departments')
    .option('--json', 'print JSON')
    .action(
      runAction(async (flags: { year: number; department?: string[]; json?: boolean }) =>
        withDatabase(async ({ db }) => {
          const figures = await hotlineFigures(db, flags.year, flags.department);
          if (flags.json) return print(JSON.stringify(figures, null, 2));
          print(renderHotlineMarkdown(figures));
        }),
      ),
    );

  evaluate
    .command('enter')
    .description("a body's value for an entered (qualitative) indicator of one department")
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .requiredOption('--department <id>', 'the department')
    .requiredOption('--indicator <id>', "the indicator's id in the standard")
    .requiredOption('--value <n>', 'the value (points, or what the rule reads)', number)
    .addOption(new Option('--body <body>', 'the body entering it').choices(BODIES).makeOptionMandatory())
    .option('--note <text>', 'why, in a sentence')
    .action(
      runAction(async (flags: { year: number; department: string; indicator: string; value: number; body: Body; note?: string }) =>
        withDatabase(async ({ db }) => {
          const saved = await enterIndicator(db, flags, cliActor());
          print(`entered ${saved.id} = ${flags.value}`);
        }),
      ),
    );

  evaluate
    .command('commend')
    .description('record a commendation (表扬) of a department for the year')
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .requiredOption('--department <id>', 'the department')
    .requiredOption('--text <text>', 'what for')
    .action(
      runAction(async (flags: { year: number; department: string; text: string }) =>
        withDatabase(async ({ db }) => print(`recorded ${(await commend(db, flags, cliActor())).id}`)),
      ),
    );

  evaluate
    .command('scorecard')
    .description("every department's score, indicators, evidence and rank for a year")
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .option('--region <code>', 'only departments of this region')
    .option('--json', 'print JSON (same as --format json)')
    .addOption(new Option('--format <format>', 'report format').choices(['json', 'md', 'html', 'xlsx']).default('md'))
    .option('--out <file>', 'write the report to FILE (needed for xlsx)')
    .action(
      runAction(async (flags: { year: number; region?: string; json?: boolean; format: string; out?: string }) =>
        withDatabase(async ({ db }) => {
          const cards = await computeScorecards(db, flags.year, { region: flags.region });
          const format = flags.json ? 'json' : flags.format;
          if (format === 'xlsx') return emit(await scorecardsWorkbook(cards), flags.out);
          emit(
            format === 'json' ? JSON.stringify(cards, null, 2) : format === 'html' ? renderScorecardsHtml(cards) : renderScorecardsMarkdown(cards),
            flags.out,
          );
        }),
      ),
    );

  evaluate
    .command('publish')
    .description("publish the year's round: archive its scorecards and freeze its standard")
    .requiredOption('--year <year>', 'evaluation year', parseEvaluationYear)
    .option('--allow-missing', 'publish although some entries are missing (they count at full points)')
    .action(
      runAction(async (flags: { year: number; allowMissing?: boolean }) =>
        withDatabase(async ({ db }) => {
          const cards = await publishRound(db, flags.year, cliActor(), { allowMissing: flags.allowMissing });
          print(`published the ${flags.year} round: ${cards.departments.length} departments, standard ${cards.standard.id} frozen`);
        }),
      ),
    );
}
