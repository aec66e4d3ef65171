import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { renderHtml } from '../analysis/report-html.js';
import { renderMarkdown } from '../analysis/report-markdown.js';
import { runAnalysis, type AnalysisRun } from '../analysis/run-analysis.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Where the time went, for a person: reading the graph, then the stages that took a tenth of a second or more. */
function describeTimes({ queries, ...stages }: AnalysisRun['times']): string {
  const reading = Object.values(queries).reduce((sum, ms) => sum + ms, 0);
  const total = reading + Object.values(stages).reduce((sum, ms) => sum + ms, 0);
  const slow = Object.entries(stages)
    .filter(([, ms]) => ms >= 100)
    .map(([stage, ms]) => `${stage} ${seconds(ms)}`);
  return `took ${seconds(total)} (reading the graph ${seconds(reading)}${slow.map((s) => `, ${s}`).join('')})`;
}

/** `dutygraph analyze`: the boundary analysis as JSON, Markdown or HTML. */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('find overlaps, orphans, bounces and list gaps, with evidence, and propose boundary items')
    .option('--json', 'print the whole analysis as JSON (same as --format json)')
    .addOption(new Option('--format <format>', 'report format').choices(['json', 'md', 'html']).default('md'))
    .option('--out <file>', 'write the report to FILE instead of standard output')
    .action(
      runAction(async (flags: { json?: boolean; format: 'json' | 'md' | 'html'; out?: string }) => {
        await withDatabase(async ({ db }) => {
          const { report, times } = await runAnalysis(db);
          const format = flags.json ? 'json' : flags.format;
          const text = format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'html' ? renderHtml(report) : renderMarkdown(report);
          if (flags.out) {
            writeFileSync(resolve(flags.out), text);
            process.stderr.write(`wrote ${resolve(flags.out)}\n`);
          } else {
            process.stdout.write(text);
          }
          const counts = Object.entries(report.summary.byKind)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ');
          process.stderr.write(
            `${report.findings.length} findings (${counts}); ${report.proposals.length} proposals; ${report.communities.length} communities; ${describeTimes(times)}\n`,
          );
        });
      }),
    );
}
