import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from '../db/database.js';
import { graphRevision } from '../db/revision.js';
import { AppError, ErrorCode } from '../errors.js';
import { buildDispatchIndexInSteps, type DispatchIndex } from './build-index.js';
import { dispatch, type DispatchAnswer } from './dispatch.js';
import type { Lexicon } from './lexicon.js';
import { loadDispatchSnapshot } from './load-snapshot.js';
import { warmUpTokenizer } from '../text/tokenize.js';

/** The longest complaint text accepted (a long letter is 10,000 characters). */
const MAX_TEXT_LENGTH = 100_000;

export interface DispatchResult extends DispatchAnswer {
  /** The graph revision the index was built from (see src/db/revision.ts). */
  indexVersion: number;
}

export interface IndexInfo {
  version: number;
  builtAt: Date;
  loadMs: number;
  buildMs: number;
  matters: number;
}

export interface DispatchServiceOptions {
  /** How often to look at the graph's revision; 0 to never look (rebuild only on refresh()). */
  pollMs?: number;
  /** Least time between two rebuilds caused by polling (routing feedback can come in streams). */
  minRebuildMs?: number;
  /** Learn only from complaints received before this ISO date-time (evaluation). */
  historyBefore?: string | undefined;
  /** Everyday words for list words (lexicon/civic-words.txt); none when absent. */
  lexicon?: Lexicon;
  log?: (line: string) => void;
  /** Told the duration of every lookup, in seconds (for metrics). */
  onLookup?: (seconds: number) => void;
}

interface Built {
  index: DispatchIndex;
  info: IndexInfo;
}

/**
 * Holds the current dispatch index and replaces it when the lists change. A rebuild reads a
 * consistent snapshot, builds a new index in steps between lookups, and swaps it in with one
 * assignment: a lookup sees the old index or the new one, never a half-built one.
 */
export class DispatchService {
  private current: Built | undefined;
  private building: Promise<IndexInfo> | undefined;
  private queued: Promise<IndexInfo> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastBuildStart = 0;

  constructor(
    private readonly db: Database,
    private readonly options: DispatchServiceOptions = {},
  ) {}

  /** Builds the first index, then watches the revision. Resolves once dispatch can answer. */
  async start(): Promise<IndexInfo> {
    warmUpTokenizer();
    const info = await this.refresh();
    const pollMs = this.options.pollMs ?? 2000;
    if (pollMs > 0) {
      this.timer = setInterval(() => {
        this.checkForChanges().catch((error: unknown) => this.log(`dutygraph: dispatch index check failed: ${(error as Error).message}`));
      }, pollMs);
      this.timer.unref();
    }
    return info;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** What the index answering now was built from, or undefined before the first build. */
  get info(): IndexInfo | undefined {
    return this.current?.info;
  }

  /**
   * Rebuilds and resolves once an index that started reading after this call is in place. A
   * rebuild already running may have read too early, so the call queues one more after it (one
   * queued rebuild serves every caller that arrives meanwhile).
   */
  refresh(): Promise<IndexInfo> {
    if (!this.building) {
      this.building = this.build().finally(() => {
        this.building = undefined;
      });
      return this.building;
    }
    this.queued ??= this.building
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    return this.queued;
  }

  /** Rebuilds in the background when the graph's revision moved since the index was built. */
  async checkForChanges(): Promise<boolean> {
    if (this.building || Date.now() - this.lastBuildStart < (this.options.minRebuildMs ?? 10_000)) return false;
    const revision = await this.db.readTx(graphRevision, 'graphRevision');
    if (revision === this.current?.info.version) return false;
    await this.refresh();
    return true;
  }

  /** Answers one lookup from the current index. */
  dispatch(text: string, district?: string | null): DispatchResult {
    const built = this.current;
    if (!built) throw new AppError(ErrorCode.DB_UNAVAILABLE, 'the dispatch index is still being built; retry in a few seconds');
    if (!/\S/.test(text)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'text: the complaint text is empty');
    if (text.length > MAX_TEXT_LENGTH) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `text: ${text.length} characters; at most ${MAX_TEXT_LENGTH} are accepted`);
    }
    if (district && !built.index.regionChain.has(district)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `district: "${district}" is not a region code of the lists`);
    }
    const { onLookup } = this.options;
    const started = onLookup ? performance.now() : 0;
    // A fresh answer object each time: labelled in place rather than copied (a lookup is a few dozen µs).
    const answer: DispatchResult = Object.assign(dispatch(built.index, text, district ?? undefined), { indexVersion: built.info.version });
    onLookup?.((performance.now() - started) / 1000);
    return answer;
  }

  private async build(): Promise<IndexInfo> {
    this.lastBuildStart = Date.now();
    const started = performance.now();
    const { revision, snapshot } = await loadDispatchSnapshot(this.db, { historyBefore: this.options.historyBefore });
    const loaded = performance.now();
    const steps = buildDispatchIndexInSteps(snapshot, this.options.lexicon);
    let step = steps.next();
    while (!step.done) {
      await nextTurn();
      step = steps.next();
    }
    const index = step.value;
    const info: IndexInfo = {
      version: revision,
      builtAt: new Date(),
      loadMs: Math.round(loaded - started),
      buildMs: Math.round(performance.now() - loaded),
      matters: index.matters.size,
    };
    this.current = { index, info };
    this.log(`dutygraph: dispatch index ${revision} ready (${info.matters} matters; read ${info.loadMs} ms, built ${info.buildMs} ms)`);
    return info;
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}
