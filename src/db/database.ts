import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Record as Neo4jRecord } from 'neo4j-driver';
import type { Config } from '../config.js';
import { AppError, ErrorCode } from '../errors.js';
import type { NamedQuery } from './named-queries.js';
import { toPlain } from './plain.js';
import { graphRevision } from './revision.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * A transaction handed to callers of Database.readTx/writeTx: runs named queries, returns plain
 * rows. Runs may be started before earlier ones finish: the driver pipelines them, in order.
 */
export interface Tx {
  run<T = Row>(query: NamedQuery, params?: Params): Promise<T[]>;
}

/** Where a Database connects and as whom: enough for another thread to open its own. */
export type DatabaseSettings = Omit<Config['neo4j'], 'uri'> & { uri: string };

export interface TxOptions {
  /** Overrides the server's default transaction timeout (e.g. for a large import). */
  timeoutMs?: number;
}

/**
 * When Neo4j is down, every caller hears DB_UNAVAILABLE within about 3 s instead of the driver's
 * default minute (a refused connection fails at once; a silent host after 2 s; one retry after
 * about a second); the pool reconnects by itself once Neo4j is back, e.g. after its supervisor
 * restarted it. Transient errors (deadlocks) still get that retry.
 */
const DRIVER_OPTIONS = {
  connectionTimeout: 2_000,
  // Records per round trip (the driver's default 1,000): snapshot reads of a city's lists
  // (27,000 power items at scale 1) take half the time in batches of 10,000.
  fetchSize: 10_000,
  connectionAcquisitionTimeout: 10_000,
  maxTransactionRetryTime: 900,
  logging: { level: 'error' as const, logger: () => {} },
};

/** readAtRevision keeps this many answers (a dashboard's pages and lists, a few KB each). */
const MAX_ANSWERS = 2000;
const MAX_ANSWER_ROWS = 10_000;

/**
 * The only place that opens sessions. Picks read or write mode (so reads spread over a
 * cluster's followers), tags every transaction with the query name, and turns Neo4j errors
 * into AppErrors. Works the same against the local launcher, a server, a cluster or Aura.
 */
export class Database {
  /** A second driver keeping integers lossless, for analyst queries (created on first use). */
  private analystDriver: Driver | undefined;
  /** The graph revision last read by revisionNow(), and when; dropped by every write through this connection. */
  private revisionRead: { value: Promise<number>; at: number } | undefined;
  /** readAtRevision's answers, least recently asked first. */
  private readonly answers = new Map<string, { revision: number; rows: Promise<unknown[]> }>();

  /**
   * The bookmarks of this process's transactions: every session starts after the last write this
   * process saw committed, so on a cluster a read sent to a follower waits until that follower
   * has it (a caller reads its own writes; on a single server it costs nothing).
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  private constructor(
    private readonly driver: Driver,
    readonly settings: DatabaseSettings,
    private readonly auth: ReturnType<typeof neo4j.auth.basic> | undefined,
  ) {}

  get database(): string {
    return this.settings.database;
  }

  get uri(): string {
    return this.settings.uri;
  }

  /** Opens a driver for `uri` and waits until the server answers (up to `waitMs`). */
  static async connect(neo4jConfig: DatabaseSettings, waitMs = 30_000): Promise<Database> {
    const auth = neo4jConfig.password ? neo4j.auth.basic(neo4jConfig.user, neo4jConfig.password) : undefined;
    const driver = neo4j.driver(neo4jConfig.uri, auth, { ...DRIVER_OPTIONS, disableLosslessIntegers: true, userAgent: 'dutygraph/0.1' });
    const db = new Database(driver, { ...neo4jConfig }, auth);
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        await driver.verifyConnectivity({ database: neo4jConfig.database });
        return db;
      } catch (error) {
        const translated = translateError(error);
        if (translated.code !== ErrorCode.DB_UNAVAILABLE || Date.now() > deadline) {
          await driver.close();
          throw new AppError(translated.code, `cannot connect to Neo4j at ${neo4jConfig.uri}: ${translated.message}`, undefined, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  /** Runs one named read query and returns its rows as plain objects. */
  read<T = Row>(query: NamedQuery, params: Params = {}, options: TxOptions = {}): Promise<T[]> {
    return this.readTx((tx) => tx.run<T>(query, params), query.name, options);
  }

  /**
   * Runs one named read query, or answers from memory when the same query with the same
   * parameters was answered at the graph's current revision (src/db/revision.ts: every change a
   * read could see moves it). For what the API serves many callers alike (dashboards' pages and
   * lists); the rows are shared, so callers must not change them. At most MAX_ANSWERS are kept,
   * none of more than MAX_ANSWER_ROWS rows.
   */
  async readAtRevision<T = Row>(query: NamedQuery, params: Params = {}): Promise<T[]> {
    const revision = await this.revisionNow();
    const key = `${query.name}\u0000${JSON.stringify(params)}`;
    const kept = this.answers.get(key);
    this.answers.delete(key); // re-inserted below: a Map keeps insertion order, so the first key is the least recent
    if (kept?.revision === revision) {
      this.answers.set(key, kept);
      return kept.rows as Promise<T[]>;
    }
    const rows = this.read<T>(query, params);
    const answer = { revision, rows };
    this.answers.set(key, answer);
    if (this.answers.size > MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    const forget = () => this.answers.get(key) === answer && this.answers.delete(key);
    rows.then((r) => r.length > MAX_ANSWER_ROWS && forget(), forget);
    return rows;
  }

  /** Runs one named write query and returns its rows as plain objects. */
  write<T = Row>(query: NamedQuery, params: Params = {}, options: TxOptions = {}): Promise<T[]> {
    return this.writeTx((tx) => tx.run<T>(query, params), query.name, options);
  }

  /** Runs `work` in one read transaction (retried by the driver on transient errors). */
  readTx<R>(work: (tx: Tx) => Promise<R>, label: string, options: TxOptions = {}): Promise<R> {
    return this.transaction('READ', work, label, options);
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  async writeTx<R>(work: (tx: Tx) => Promise<R>, label: string, options: TxOptions = {}): Promise<R> {
    try {
      return await this.transaction('WRITE', work, label, options);
    } finally {
      this.revisionRead = undefined;
    }
  }

  /**
   * The graph's revision (src/db/revision.ts), read at most every `maxAgeMs` however many
   * requests ask: figures cached per revision check it on every request. A write through this
   * connection drops the reading, so a caller always sees its own changes at once; changes
   * through another replica are seen within `maxAgeMs`.
   */
  revisionNow(maxAgeMs = 250): Promise<number> {
    const read = this.revisionRead;
    if (read && Date.now() - read.at < maxAgeMs) return read.value;
    const value = this.readTx(graphRevision, 'graphRevision');
    const reading = { value, at: Date.now() };
    this.revisionRead = reading;
    value.catch(() => this.revisionRead === reading && (this.revisionRead = undefined));
    return value;
  }

  /**
   * Runs one statement in an auto-commit transaction. Schema changes (constraints, indexes)
   * and `CALL { … } IN TRANSACTIONS` run only there, never inside an explicit transaction.
   */
  async runAutoCommit(statement: string): Promise<{ schemaChanges: number }> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
    try {
      const { summary } = await session.run(statement);
      const { indexesAdded, indexesRemoved, constraintsAdded, constraintsRemoved } = summary.counters.updates();
      return { schemaChanges: indexesAdded + indexesRemoved + constraintsAdded + constraintsRemoved };
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs an analyst's own Cypher in one READ transaction with a time limit, after `check` has
   * seen its EXPLAIN plan in the same transaction; returns at most `rowCap` rows and about
   * `maxBytes` of JSON (and whether more were left). Never retried: an analyst's query that
   * failed once (a memory limit, a time limit) would fail again and only cost more. Integers
   * stay exact here (the analyst driver does not make them floats).
   */
  async runReadOnly(
    query: string,
    params: Params,
    options: { timeoutMs: number; rowCap: number; maxBytes: number; check: (queryType: string, plan: unknown) => void },
  ): Promise<{ columns: string[]; rows: unknown[][]; truncated: boolean }> {
    this.analystDriver ??= neo4j.driver(this.uri, this.auth, { ...DRIVER_OPTIONS, userAgent: 'dutygraph/0.1 analyst' });
    const session = this.analystDriver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize: options.rowCap + 1,
      bookmarkManager: this.bookmarks,
    });
    const tx = session.beginTransaction({ timeout: options.timeoutMs, metadata: { app: 'dutygraph', query: 'analyst' } });
    try {
      const explained = await tx.run(`EXPLAIN ${query}`, params);
      options.check(explained.summary.queryType, explained.summary.plan);
      const result = tx.run(query, params);
      const rows: unknown[][] = [];
      let bytes = 0;
      let truncated = false;
      for await (const record of result) {
        const row = record.map((value) => toPlain(value, 'described'));
        bytes += JSON.stringify(row).length;
        if (rows.length === options.rowCap || bytes > options.maxBytes) {
          if (rows.length === 0)
            throw new AppError(
              ErrorCode.LIMIT_EXCEEDED,
              `one row of the result is larger than ${formatBytes(options.maxBytes)}; return fewer or smaller values`,
            );
          truncated = true;
          break;
        }
        rows.push(row);
      }
      return { columns: [...(await result.keys())], rows, truncated };
    } catch (error) {
      if (error instanceof Neo4jError && /^Neo\.ClientError\.(Statement|Procedure|Schema)\./.test(error.code ?? '')) {
        const code = /AccessMode|ForbiddenDueToTransactionType/.test(error.code) ? ErrorCode.FORBIDDEN : ErrorCode.BAD_USER_INPUT;
        throw new AppError(code, error.message.split('\n')[0] ?? error.message, undefined, { cause: error });
      }
      throw translateError(error);
    } finally {
      await tx.close().catch(() => {});
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.analystDriver?.close();
    await this.driver.close();
  }

  private async transaction<R>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<R>, label: string, options: TxOptions): Promise<R> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const config = { metadata: { app: 'dutygraph', query: label }, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) };
    const unit = (tx: ManagedTransaction) => work(wrapTx(tx));
    try {
      return mode === 'READ' ? await session.executeRead(unit, config) : await session.executeWrite(unit, config);
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close();
    }
  }
}

function formatBytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** A record as a plain row, built in one pass (a dispatch snapshot reads tens of thousands of rows). */
function plainRow(record: Neo4jRecord): Row {
  const row: Row = {};
  record.keys.forEach((key, i) => {
    row[key as string] = toPlain(record.get(i));
  });
  return row;
}

function wrapTx(tx: ManagedTransaction): Tx {
  return {
    async run<T>(query: NamedQuery, params: Params = {}): Promise<T[]> {
      const result = await tx.run(query.text, params);
      return result.records.map((record) => plainRow(record) as T);
    },
  };
}

/** Maps a driver or server error to an AppError with a public code. AppErrors pass through. */
export function translateError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code ?? '';
    if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
      return new AppError(ErrorCode.DB_UNAVAILABLE, `Neo4j is unavailable: ${error.message}`, undefined, { cause: error });
    }
    if (code.includes('OutOfMemoryError')) {
      const limit = /limit ([\d.]+ \w+)/.exec(error.message)?.[1];
      const message = code.includes('MemoryPool')
        ? `the query needed more memory than one transaction may use${limit ? ` (${limit}, NEO4J_TX_MEMORY)` : ''}`
        : 'the query needed more memory than the server could give it';
      return new AppError(ErrorCode.LIMIT_EXCEEDED, message, undefined, { cause: error });
    }
    if (code.includes('TransactionTimedOut')) {
      return new AppError(ErrorCode.QUERY_TIMEOUT, 'the query ran past its time limit', undefined, { cause: error });
    }
    // A transaction stopped by the server (its time limit hit while waiting, or terminated by an admin).
    if (code.endsWith('Transaction.Terminated') || code.endsWith('Transaction.LockClientStopped')) {
      return new AppError(ErrorCode.QUERY_TIMEOUT, `the transaction was stopped: ${error.message}`, undefined, { cause: error });
    }
    if (code.startsWith('Neo.ClientError.Security.Unauthorized') || code.startsWith('Neo.ClientError.Security.AuthenticationRateLimit')) {
      return new AppError(ErrorCode.UNAUTHENTICATED, 'Neo4j refused the credentials in NEO4J_USER / NEO4J_PASSWORD', undefined, { cause: error });
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError(ErrorCode.CONFLICT, error.message, undefined, { cause: error });
    }
    if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return new AppError(ErrorCode.BAD_CONFIG, `NEO4J_DATABASE names a database the server does not have: ${error.message}`, undefined, { cause: error });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCode.INTERNAL_SERVER_ERROR, message, undefined, { cause: error });
}
