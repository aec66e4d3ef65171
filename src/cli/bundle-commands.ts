import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { migrate } from '../db/migrate.js';
import { AppError, ErrorCode } from '../errors.js';
import { exportBundle } from '../ingest/export-bundle.js';
import { importBundle, type ImportMode, type ImportReport } from '../ingest/import-bundle.js';
import { AnalysisService } from '../analysis/analysis-service.js';
import type { Database } from '../db/database.js';
import { changedFiles } from '../ingest/plan-import.js';
import { formatImportReport, importProgressPrinter } from './progress.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';

/** Notes printed after an import; the JSON report has them all. */
const MAX_NOTES = 20;

/**
 * After an import that changed the graph, makes the boundary analysis and keeps it in Neo4j, so
 * that servers started on this graph answer at once instead of making it first.
 */
async function keepAnalysis(db: Database, report: ImportReport): Promise<void> {
  if (changedFiles(report.counts).length === 0) return;
  const started = performance.now();
  const analysis = new AnalysisService(db);
  const { findings } = await analysis.current();
  await analysis.flush();
  process.stderr.write(`analysis made and kept for the servers: ${findings.length} findings (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

/** `dutygraph import <folder>` and `dutygraph export <folder>`. */
export function registerBundleCommands(program: Command): void {
  program
    .command('import <path>')
    .description('import a bundle folder or a file (JSON/NDJSON bundle, CSV/XLSX/XLS lists, Open311); nothing is written if a record is bad')
    .option('--department <id>', "department of a list's rows that name no department the graph knows (a provincial body, a loose name, none)")
    .option('--skip-invalid', 'import the valid records and report the bad ones')
    .addOption(
      new Option('--mode <mode>', 'atomic: one transaction; resumable: commit in batches, rerun to finish')
        .choices(['auto', 'atomic', 'resumable'])
        .default('auto'),
    )
    .option('--batch-size <n>', 'records per write batch', '5000')
    .option('--json', 'print the report as JSON')
    .option('--no-analysis', 'do not make the boundary analysis after the import (servers then make it when they start)')
    .action(
      runAction(
        async (
          folder: string,
          flags: { department?: string; skipInvalid?: boolean; json?: boolean; mode: ImportMode; batchSize: string; analysis: boolean },
        ) => {
          const batchSize = Number(flags.batchSize);
          if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
            throw new AppError(ErrorCode.BAD_USER_INPUT, `--batch-size: expected an integer from 1 to 100000, got ${flags.batchSize}`);
          }
          await withDatabase(async ({ db }) => {
            await migrate(db);
            const progress = importProgressPrinter();
            const report = await importBundle(db, resolve(folder), {
              defaults: flags.department ? { department: flags.department } : {},
              skipInvalid: flags.skipInvalid ?? false,
              mode: flags.mode,
              batchSize,
              onProgress: progress.update,
              onValidated: ({ records, mode }) =>
                process.stderr.write(`validated ${records} records; writing them ${mode === 'atomic' ? 'in one transaction' : 'in resumable batches'}\n`),
            }).finally(progress.end);
            if (flags.json) {
              process.stdout.write(JSON.stringify(report, null, 2) + '\n');
            } else {
              for (const line of report.errors) process.stderr.write(`rejected: ${line}\n`);
              for (const line of report.notes.slice(0, MAX_NOTES)) process.stderr.write(`note: ${line}\n`);
              if (report.notes.length > MAX_NOTES) process.stderr.write(`note: … and ${report.notes.length - MAX_NOTES} more (--json lists them all)\n`);
              process.stdout.write(`imported ${report.name ? `"${report.name}" ` : ''}from ${report.folder}\n${formatImportReport(report)}\n`);
            }
            if (flags.analysis) await keepAnalysis(db, report);
          });
        },
      ),
    );

  program
    .command('export <folder>')
    .description('write the whole graph as a bundle folder that re-imports to the same graph')
    .option('--ndjson', 'write .ndjson files (a record a line) instead of .json arrays')
    .action(
      runAction(async (folder: string, flags: { ndjson?: boolean }) => {
        await withDatabase(async ({ db }) => {
          const counts = await exportBundle(db, resolve(folder), { ndjson: flags.ndjson ?? false });
          const summary = Object.entries(counts)
            .map(([file, n]) => `${file} ${n}`)
            .join(', ');
          process.stdout.write(`exported to ${resolve(folder)}: ${summary}\n`);
        });
      }),
    );
}
