import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { DatabaseSettings } from '../db/database.js';
import { AppError, ErrorCode } from '../errors.js';
import type { AnalystJob, AnalystReply } from './analyst-worker.js';
import { checkText } from './cypher-guard.js';

export interface CypherResult {
  columns: string[];
  /** One array per row, values in column order. */
  rows: unknown[][];
  /** More rows (or bytes) were there than the limits let through. */
  truncated: boolean;
  rowCap: number;
}

/** What one analyst query may cost. README "Security" lists them; docs/security.md says why. */
export interface AnalystLimits {
  /** Neo4j's time limit on the transaction. */
  timeoutMs: number;
  /** How long past timeoutMs the service waits before it abandons the query and its thread. */
  graceMs: number;
  rowCap: number;
  /** JSON size of the rows kept. */
  maxBytes: number;
  /** Heap of each worker thread: what one answer can occupy in the service at worst. */
  workerHeapMb: number;
  /** Queries running at once, service-wide (each holds a worker and a Neo4j transaction). */
  concurrent: number;
  /** Queries waiting for a worker before more are refused. */
  queue: number;
}

export const ANALYST_LIMITS: AnalystLimits = {
  timeoutMs: 10_000,
  graceMs: 5_000,
  rowCap: 1000,
  maxBytes: 8 * 2 ** 20,
  workerHeapMb: 256,
  concurrent: 2,
  queue: 4,
};

/**
 * The worker's module beside this one: .js when built; from the sources (tsx, vitest) the .ts,
 * loaded through tsx's loader, which a worker thread does not inherit.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./analyst-worker.js', import.meta.url), options);
  const entry = new URL('./analyst-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { ...options, eval: true });
}

/**
 * Runs analysts' read-only Cypher so that no query can hurt the service: each in a worker thread
 * with its own small heap (an answer too large ends that thread, not the process), one per
 * analyst at a time, a few service-wide, abandoned when Neo4j does not stop it in time (the
 * thread, its connection and so the server's work with it). Text checks run here, plan checks
 * and the read transaction in the worker.
 */
export class AnalystPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly runningByActor = new Map<string, number>();
  private running = 0;
  private nextId = 1;

  constructor(
    private readonly settings: DatabaseSettings,
    readonly limits: AnalystLimits = ANALYST_LIMITS,
  ) {}

  async run(actor: string, query: string, params: Record<string, unknown> = {}): Promise<CypherResult> {
    checkText(query);
    if (this.runningByActor.has(actor)) {
      throw new AppError(ErrorCode.LIMIT_EXCEEDED, 'one analyst query at a time: your previous query is still running');
    }
    this.runningByActor.set(actor, 1);
    try {
      await this.slot();
      try {
        const job: AnalystJob = {
          id: this.nextId++,
          query,
          params,
          timeoutMs: this.limits.timeoutMs,
          rowCap: this.limits.rowCap,
          maxBytes: this.limits.maxBytes,
        };
        return { ...(await this.onWorker(job)), rowCap: this.limits.rowCap };
      } finally {
        this.running--;
        this.waiting.shift()?.();
      }
    } finally {
      this.runningByActor.delete(actor);
    }
  }

  /** Stops the idle workers; running ones end with their query. */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  /** Waits for a free worker slot, or refuses when too many queries wait already. */
  private async slot(): Promise<void> {
    if (this.running >= this.limits.concurrent) {
      if (this.waiting.length >= this.limits.queue) {
        throw new AppError(
          ErrorCode.LIMIT_EXCEEDED,
          `${this.limits.concurrent} analyst queries are running and ${this.limits.queue} waiting; try again shortly`,
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
  }

  private spawn(): Worker {
    const worker = startWorker({ workerData: this.settings, resourceLimits: { maxOldGenerationSizeMb: this.limits.workerHeapMb } });
    worker.unref();
    return worker;
  }

  private onWorker(job: AnalystJob): Promise<Omit<CypherResult, 'rowCap'>> {
    const worker = this.idle.pop() ?? this.spawn();
    return new Promise((resolve, reject) => {
      const settle = (keepWorker: boolean, outcome: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keepWorker) this.idle.push(worker);
        else void worker.terminate();
        outcome();
      };
      const onMessage = (reply: AnalystReply) => {
        if (reply.id !== job.id) return;
        settle(true, () => ('result' in reply ? resolve(reply.result) : reject(new AppError(reply.error.code, reply.error.message))));
      };
      const onError = (error: Error & { code?: string }) =>
        settle(false, () =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new AppError(
                  ErrorCode.LIMIT_EXCEEDED,
                  `the answer needed more than the ${this.limits.workerHeapMb} MB an analyst query may hold; return fewer or smaller values`,
                )
              : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `analyst worker failed: ${error.message}`, undefined, { cause: error }),
          ),
        );
      const onExit = (code: number) => settle(false, () => reject(new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `analyst worker exited with code ${code}`)));
      // Neo4j cannot interrupt everything in time (a huge value being built or sent); past the
      // grace period the thread goes, and with it the connection and the server's work.
      const timer = setTimeout(
        () =>
          settle(false, () =>
            reject(new AppError(ErrorCode.QUERY_TIMEOUT, `the query ran past its time limit (${this.limits.timeoutMs / 1000} s) and was stopped`)),
          ),
        this.limits.timeoutMs + this.limits.graceMs,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }
}
