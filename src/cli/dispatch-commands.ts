import { cliActor } from './cli-actor.js';
import { constants, createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { publishProposal, runAnalysis } from '../analysis/run-analysis.js';
import { setBoundaryItemStatus } from '../catalog/boundary-status.js';
import type { Database } from '../db/database.js';
import { DispatchService, type DispatchResult } from '../dispatch/dispatch-service.js';
import { loadLexicon } from '../dispatch/load-lexicon.js';
import { recordRouting } from '../dispatch/routing-feedback.js';
import { AppError, ErrorCode, isAppError } from '../errors.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';

/** Who the CLI records as the author of a change. */
const ref = (d: { id: string; name: string }) => `${d.name} (${d.id})`;

/** The answer as a dispatcher reads it at a terminal. */
function formatAnswer(answer: DispatchResult): string {
  const lines = [
    `${answer.status} → ${answer.lead ? ref(answer.lead) : 'nobody (the lists name no coordinator)'}  via ${answer.via}, confidence ${answer.confidence}`,
    `matter: ${answer.matter ? ref(answer.matter) : 'not recognised'}`,
  ];
  if (answer.cooperating.length > 0) lines.push(`cooperating: ${answer.cooperating.map(ref).join(', ')}`);
  if (answer.evidence.length > 0) lines.push('evidence:', ...answer.evidence.map((e) => `  ${e.id}  ${e.text}`));
  if (answer.candidates.length > 0) lines.push('candidates:', ...answer.candidates.map((c) => `  ${c.score.toFixed(2)}  ${ref(c)}`));
  lines.push(`index version ${answer.indexVersion}`);
  return lines.join('\n');
}

interface BatchLine {
  id: string | number;
  text: string;
  district?: string | null;
}

function parseBatchLine(line: string): BatchLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'not valid JSON');
  }
  const record = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  if (typeof record.id !== 'string' && typeof record.id !== 'number') throw new AppError(ErrorCode.BAD_USER_INPUT, 'id: a string or number is required');
  if (typeof record.text !== 'string') throw new AppError(ErrorCode.BAD_USER_INPUT, 'text: a string is required');
  if (record.district !== undefined && record.district !== null && typeof record.district !== 'string') {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'district: a region code string is expected');
  }
  return { id: record.id, text: record.text, district: record.district as string | null | undefined };
}

/**
 * Dispatches every line of a JSONL file ({"id", "text", "district"?}) and writes one line per
 * input line: the answer plus the id, or the id (when readable) with the error. Streams, so a
 * file of a million complaints needs no more memory than one.
 */
async function dispatchFile(service: DispatchService, path: string, json: boolean): Promise<{ answered: number; failed: number }> {
  if (path !== '-') {
    await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `--file ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
  }
  const input = path === '-' ? process.stdin : createReadStream(path, 'utf8');
  let answered = 0;
  let failed = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    let id: string | number | undefined;
    let output: string;
    try {
      const request = parseBatchLine(line);
      id = request.id;
      const answer = service.dispatch(request.text, request.district);
      output = json
        ? JSON.stringify({ id, ...answer })
        : [id, answer.status, answer.lead?.id ?? '', answer.lead?.name ?? '', answer.matter?.name ?? '', answer.confidence, answer.via].join('\t');
      answered++;
    } catch (error) {
      if (!isAppError(error)) throw error;
      failed++;
      output = json
        ? JSON.stringify({ id: id ?? null, line: lineNumber, error: { code: error.code, message: error.message } })
        : [id ?? '', 'error', error.code, `line ${lineNumber}: ${error.message}`].join('\t');
    }
    if (!process.stdout.write(output + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  return { answered, failed };
}

async function startDispatch(db: Database, historyBefore: string | undefined, lexiconPath: string | undefined): Promise<DispatchService> {
  const configured = loadConfig().dispatch.lexicon;
  const lexicon = loadLexicon(lexiconPath === undefined ? configured : lexiconPath === 'none' ? null : resolve(lexiconPath));
  const service = new DispatchService(db, { pollMs: 0, historyBefore, lexicon, log: (line) => process.stderr.write(line + '\n') });
  await service.start();
  return service;
}

/** `dutygraph dispatch`, `dutygraph feedback`, `dutygraph boundary publish|retire`. */
export function registerDispatchCommands(program: Command): void {
  program
    .command('dispatch [text]')
    .description('name the department that owns a complaint, with the evidence; or dispatch a JSONL file with --file')
    .option('--district <code>', 'region code the complaint came from (the county or district)')
    .option('--file <path>', 'a JSONL file of {"id","text","district"?} lines ("-" for standard input); one answer line each')
    .option('--json', 'print JSON (one object per line with --file)')
    .option('--history-before <iso>', 'learn from routing history before this date-time only (for evaluations)')
    .option('--lexicon <file>', 'everyday-word lexicon to use instead of DISPATCH_LEXICON or the shipped one ("none" for none)')
    .action(
      runAction(async (text: string | undefined, flags: { district?: string; file?: string; json?: boolean; historyBefore?: string; lexicon?: string }) => {
        if ((text === undefined) === (flags.file === undefined)) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, 'give either a complaint text or --file <path>, not both and not neither');
        }
        if (flags.historyBefore !== undefined && Number.isNaN(Date.parse(flags.historyBefore))) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, `--history-before: "${flags.historyBefore}" is not a date-time`);
        }
        await withDatabase(async ({ db }) => {
          const service = await startDispatch(db, flags.historyBefore, flags.lexicon);
          if (flags.file !== undefined) {
            const { answered, failed } = await dispatchFile(service, flags.file, flags.json ?? false);
            process.stderr.write(`dispatched ${answered} complaint(s)${failed > 0 ? `; ${failed} line(s) failed` : ''}\n`);
            if (failed > 0) process.exitCode = 1;
            return;
          }
          const answer = service.dispatch(text!, flags.district);
          process.stdout.write((flags.json ? JSON.stringify(answer, null, 2) : formatAnswer(answer)) + '\n');
        });
      }),
    );

  program
    .command('feedback <complaint> <department> <outcome>')
    .description('record what happened to a routed complaint: accepted, refused (needs --reason), returned (needs --reason) or resolved')
    .option('--reason <text>', 'why it was refused or returned')
    .option('--at <iso>', 'when (default: now), an ISO date-time with offset')
    .option('--json', 'print the recorded routing as JSON')
    .action(
      runAction(async (complaint: string, department: string, outcome: string, flags: { reason?: string; at?: string; json?: boolean }) => {
        await withDatabase(async ({ db }) => {
          const routed = await recordRouting(db, { complaint, department, outcome: outcome as 'accepted', reason: flags.reason, at: flags.at }, cliActor());
          process.stdout.write(
            flags.json
              ? JSON.stringify(routed, null, 2) + '\n'
              : `recorded: ${routed.complaint} step ${routed.seq}: ${routed.outcome} by ${routed.departmentName} (${routed.department})${routed.reason ? `: ${routed.reason}` : ''}\n`,
          );
        });
      }),
    );

  const boundary = program.command('boundary').description('publish or retire boundary items (职责边界清单)');
  for (const [verb, status] of [
    ['publish', 'published'],
    ['retire', 'retired'],
  ] as const) {
    boundary
      .command(`${verb} <id>`)
      .description(
        verb === 'publish'
          ? 'publish a draft or retired boundary item, or a proposal of `dutygraph analyze` (id proposal:<region>:<matter>); dispatch follows at once'
          : 'retire a published boundary item; dispatch stops following it at once',
      )
      .action(
        runAction(async (id: string) => {
          await withDatabase(async ({ db }) => {
            const change =
              verb === 'publish' && id.startsWith('proposal:')
                ? await publishProposal(db, (await runAnalysis(db)).report, id, cliActor())
                : await setBoundaryItemStatus(db, id, status, cliActor());
            process.stdout.write(`${change.id} 「${change.title}」 is now ${change.status} (graph revision ${change.revision})\n`);
          });
        }),
      );
  }
}
