import { cliActor } from './cli-actor.js';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { STAFFING_DEFAULTS, type StaffingConfig } from '../staffing/config.js';
import { applyTransfer, previewTransfer, staffingReport, suggestMoves } from '../staffing/staffing.js';
import { AppError, ErrorCode } from '../errors.js';
import { POWER_ITEM_TYPES } from '../model/records.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';

const hours = z.number().positive();
/** A staffing configuration file: any of the defaults overridden (docs/staffing.md). */
const ConfigFile = z.strictObject({
  workingDays: z.number().int().positive().optional(),
  publicHolidays: z.number().int().min(0).optional(),
  annualLeave: z.number().int().min(0).optional(),
  sickLeave: z.number().int().min(0).optional(),
  otherLeave: z.number().int().min(0).optional(),
  hoursPerDay: z.number().positive().max(24).optional(),
  standardHours: z.partialRecord(z.enum(POWER_ITEM_TYPES), hours).optional(),
  itemHours: z.record(z.string(), hours).optional(),
  categoryAllowance: z.number().min(0).max(0.9).optional(),
  volume: z.enum(['received', 'completed']).optional(),
});

function loadStaffingConfig(path: string | undefined): StaffingConfig {
  if (!path) return STAFFING_DEFAULTS;
  let parsed;
  try {
    parsed = ConfigFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `--config ${path}: ${(error as Error).message}`);
  }
  if (!parsed.success)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `--config ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const overrides = parsed.data;
  return {
    ...STAFFING_DEFAULTS,
    ...overrides,
    standardHours: { ...STAFFING_DEFAULTS.standardHours, ...overrides.standardHours },
    itemHours: { ...overrides.itemHours },
  };
}

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1949 || year > 2200) throw new AppError(ErrorCode.BAD_USER_INPUT, `--year: expected a year, got "${text}"`);
  return year;
}

const ratio = (r: number | null) => (r === null ? '—' : r.toFixed(2));
/** `dutygraph staffing report|transfer|suggest`. */
export function registerStaffingCommand(program: Command): void {
  const staffing = program.command('staffing').description('workload-based staffing (WISN): where posts are short or slack, and what to move');
  const common = (command: Command) =>
    command
      .option('--year <year>', 'year of the volumes (default: the latest)')
      .option('--config <file>', 'WISN parameters as JSON (docs/staffing.md)')
      .option('--json', 'print JSON');

  common(
    staffing
      .command('report')
      .description('sections and departments side by side: workload, posts, required posts, WISN ratio')
      .option('--department <id...>', 'only these departments'),
  ).action(
    runAction(async (flags: { year?: string; config?: string; json?: boolean; department?: string[] }) => {
      await withDatabase(async ({ db }) => {
        const report = await staffingReport(db, { year: parseYear(flags.year), departments: flags.department, config: loadStaffingConfig(flags.config) });
        if (flags.json) return void process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        const lines = [
          `# 编制与工作量对比（${report.year}年）`,
          '',
          '| 部门 | 编制 | 工作量（小时） | 需要编制 | WISN比值 |',
          '| --- | ---: | ---: | ---: | ---: |',
        ];
        for (const d of report.departments) lines.push(`| ${d.name} | ${d.posts} | ${d.hours} | ${d.required} | ${ratio(d.ratio)} |`);
        lines.push(
          '',
          '| 部门 | 内设机构 | 编制 | 办件量 | 工作量（小时） | 需要编制 | WISN比值 | 人均工时 | 同类排名 | 缺少办件量的事项 |',
          '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        );
        for (const s of report.sections) {
          lines.push(
            `| ${s.departmentName} | ${s.name} | ${s.posts} | ${s.cases} | ${s.hours} | ${s.required} | ${ratio(s.ratio)} | ${s.hoursPerPost ?? '—'} | ${s.rankInKind ? `${s.rankInKind}/${s.ofKind}` : '—'} | ${s.missingVolumes.length} |`,
          );
        }
        process.stdout.write(lines.join('\n') + '\n');
      });
    }),
  );

  common(
    staffing
      .command('transfer')
      .description('how many posts move with a power item moved to another department; --apply moves them')
      .requiredOption('--item <code>', 'the power item')
      .requiredOption('--to <department>', 'the receiving department')
      .option('--apply', 'move the item, its volumes and the posts in the graph (recorded with who and when)'),
  ).action(
    runAction(async (flags: { item: string; to: string; year?: string; config?: string; json?: boolean; apply?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const options = { year: parseYear(flags.year), config: loadStaffingConfig(flags.config) };
        const plan = flags.apply
          ? await applyTransfer(db, flags.item, flags.to, cliActor(), options)
          : await previewTransfer(db, flags.item, flags.to, options);
        if (flags.json) return void process.stdout.write(JSON.stringify(plan, null, 2) + '\n');
        process.stdout.write(
          [
            `${plan.item.name} (${plan.item.code}): ${plan.fromDepartment}/${plan.fromSection} → ${plan.toDepartment}/${plan.toSection}`,
            `share of the section's ${plan.year} workload ${(plan.share * 100).toFixed(1)}% × ${plan.before.from.posts} posts = ${plan.exactPosts} → ${plan.posts} post(s) move`,
            `giving section: ${plan.before.from.posts} → ${plan.after.from.posts} posts, ratio ${ratio(plan.before.from.ratio)} → ${ratio(plan.after.from.ratio)}`,
            `receiving section: ${plan.before.to.posts} → ${plan.after.to.posts} posts, ratio ${ratio(plan.before.to.ratio)} → ${ratio(plan.after.to.ratio)}`,
            flags.apply ? 'applied.' : 'preview only; --apply moves it.',
          ].join('\n') + '\n',
        );
      });
    }),
  );

  common(
    staffing
      .command('suggest')
      .description('whole posts from slack to short sections, ratios closer to 1 (deterministic)')
      .option('--department <id...>', 'only these departments')
      .option('--across-departments', 'allow moves between departments (a whole-city plan)')
      .option('--max-moves <n>', 'at most this many single-post moves', '20')
      .option('--min-posts <n>', 'posts every section keeps', '1'),
  ).action(
    runAction(
      async (flags: {
        year?: string;
        config?: string;
        json?: boolean;
        department?: string[];
        acrossDepartments?: boolean;
        maxMoves: string;
        minPosts: string;
      }) => {
        const maxMoves = Number(flags.maxMoves);
        const minPosts = Number(flags.minPosts);
        if (!Number.isInteger(maxMoves) || maxMoves < 0)
          throw new AppError(ErrorCode.BAD_USER_INPUT, `--max-moves: expected a whole number, got "${flags.maxMoves}"`);
        if (!Number.isInteger(minPosts) || minPosts < 1)
          throw new AppError(ErrorCode.BAD_USER_INPUT, `--min-posts: expected a whole number ≥ 1, got "${flags.minPosts}"`);
        await withDatabase(async ({ db }) => {
          const plan = await suggestMoves(db, {
            year: parseYear(flags.year),
            config: loadStaffingConfig(flags.config),
            departments: flags.department,
            acrossDepartments: flags.acrossDepartments ?? false,
            maxMoves,
            minPosts,
          });
          if (flags.json) return void process.stdout.write(JSON.stringify(plan, null, 2) + '\n');
          const lines = [
            `${plan.moves.length} move(s), ${plan.year}; mean |ratio − 1| ${plan.before.meanDistance} → ${plan.after.meanDistance}, ratios ${plan.before.min}–${plan.before.max} → ${plan.after.min}–${plan.after.max}`,
          ];
          for (const m of plan.moves)
            lines.push(
              `  1 post: ${m.from.name} (${m.from.section}, ${m.from.ratioBefore} → ${m.from.ratioAfter}) → ${m.to.name} (${m.to.section}, ${m.to.ratioBefore} → ${m.to.ratioAfter})`,
            );
          if (plan.excluded.length > 0) lines.push(`${plan.excluded.length} section(s) left out (no measured workload, or items without volumes)`);
          process.stdout.write(lines.join('\n') + '\n');
        });
      },
    ),
  );
}
