import { parentPort, workerData } from 'node:worker_threads';
import { Database, type DatabaseSettings } from '../db/database.js';
import { AppError, ErrorCode } from '../errors.js';
import { checkPlan, type PlanNode } from './cypher-guard.js';

/**
 * One analyst query at a time, in a worker thread of the AnalystPool with a heap of its own: a
 * result too large to hold ends this thread (ERR_WORKER_OUT_OF_MEMORY), never the service.
 */

export interface AnalystJob {
  id: number;
  query: string;
  params: Record<string, unknown>;
  timeoutMs: number;
  rowCap: number;
  maxBytes: number;
}

export type AnalystReply =
  { id: number; result: { columns: string[]; rows: unknown[][]; truncated: boolean } } | { id: number; error: { code: ErrorCode; message: string } };

const settings = workerData as DatabaseSettings;
let database: Promise<Database> | undefined;

/** This thread's connection, opened at the first job and again after a failed attempt. */
function connect(): Promise<Database> {
  database ??= Database.connect(settings, 0).catch((error: unknown) => {
    database = undefined;
    throw error;
  });
  return database;
}

parentPort!.on('message', (job: AnalystJob) => {
  const reply = (message: AnalystReply) => parentPort!.postMessage(message);
  connect()
    .then((db) => db.runReadOnly(job.query, job.params, { ...job, check: (queryType, plan) => checkPlan(queryType, (plan as PlanNode | false) ?? false) }))
    .then(
      (result) => reply({ id: job.id, result }),
      (error: unknown) => {
        // Only an AppError's message is meant for the caller; anything else is said in general terms.
        const { code, message } = error instanceof AppError ? error : { code: ErrorCode.INTERNAL_SERVER_ERROR, message: String(error) };
        reply({ id: job.id, error: { code, message } });
      },
    );
});
