import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from '../db/database.js';
import { graphRevisions } from '../db/revision.js';
import { AppError, ErrorCode } from '../errors.js';
import { buildDispatchIndexInSteps, buildPastTickets, withBoundaryItems, withHistory, type DispatchIndex } from './build-index.js';
import { dispatch, type DispatchAnswer } from './dispatch.js';
import type { Lexicon } from './lexicon.js';
import type { HistoryModel, PastTicket } from './history-model.js';
import { loadBoundaryItems, loadHistory, loadListSnapshot } from './load-snapshot.js';
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
  /** How often to look at the graph's revisions; 0 to never look (rebuild only on refresh()). */
  pollMs?: number;
  /**
   * Least time between two rereads of the hotline's history caused by polling: routing feedback
   * comes in streams, and each reread costs seconds on a large city. List changes never wait.
   */
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
  /** The revision of each kind of change the index reflects; `words`: the boundary items its words were built from. */
  from: { lists: number; boundaries: number; complaints: number; words: number };
  /** The text model of past tickets, kept across list rebuilds while the complaints stay the same. */
  pastTickets: HistoryModel | undefined;
}

/** What is behind in the current index, against the graph's revisions now. */
interface Staleness {
  lists: boolean;
  boundaries: boolean;
  words: boolean;
  complaints: boolean;
}

/**
 * Holds the current dispatch index and brings it up to date when the graph changes, doing the
 * least that makes its answers right (src/db/revision.ts says what changed):
 *  - a boundary item published or retired: its decision is swapped in at once (a read of the
 *    boundary items, milliseconds), then the words are rebuilt in the background;
 *  - the lists: the list side is rebuilt, the text model of past tickets kept;
 *  - the complaints and their routes (feedback, imports): the history is reread, at most every
 *    `minRebuildMs` when the change is only seen by polling.
 * Every step reads a consistent snapshot, builds between lookups, and swaps the new index in with
 * one assignment: a lookup sees the old index or the new one, never a half-built one. Steps run
 * one at a time, in the order they were asked for.
 */
export class DispatchService {
  private current: Built | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private polling = false;
  private timer: NodeJS.Timeout | undefined;
  private lastHistoryRead = 0;

  constructor(
    private readonly db: Database,
    private readonly options: DispatchServiceOptions = {},
  ) {}

  /** Builds the first index, then watches the revisions. Resolves once dispatch can answer. */
  async start(): Promise<IndexInfo> {
    warmUpTokenizer();
    const info = await this.refresh();
    const pollMs = this.options.pollMs ?? 500;
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
   * Resolves once the index answers from the graph as it was at this call or later: every
   * decision and the history up to date (the words of a boundary item just swapped in may follow
   * a few seconds later).
   */
  refresh(): Promise<IndexInfo> {
    return this.serially(async () => {
      await this.catchUp({ history: true, words: false });
      return this.current!.info;
    });
  }

  /**
   * Brings the index up to date with what changed since it was built: boundary items and lists
   * at once, the history when `minRebuildMs` has passed since it was last read. True when
   * something was rebuilt. A check while another is running returns false at once.
   */
  async checkForChanges(): Promise<boolean> {
    if (this.polling) return false;
    this.polling = true;
    try {
      return await this.serially(() => this.catchUp({ history: Date.now() - this.lastHistoryRead >= (this.options.minRebuildMs ?? 5_000), words: true }));
    } finally {
      this.polling = false;
    }
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

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Takes the steps the graph's revisions call for, each at most once (changes that keep coming
   * meanwhile wait for the next call); true when any was taken.
   */
  private async catchUp(allow: { history: boolean; words: boolean }): Promise<boolean> {
    const done = new Set<'lists' | 'boundaries' | 'history' | 'words'>();
    for (;;) {
      const stale = await this.staleness();
      const history = stale.complaints && allow.history && !done.has('history');
      if (!this.current || (stale.lists && !done.has('lists'))) {
        await this.rebuild(!this.current || history);
        done.add('lists').add('words');
        if (history) done.add('history');
      } else if (stale.boundaries && !done.has('boundaries')) {
        await this.swapBoundaryItems();
        done.add('boundaries');
      } else if (history) {
        await this.swapHistory();
        done.add('history');
      } else if (stale.words && allow.words && !done.has('words')) {
        await this.rebuild(false);
        done.add('words');
      } else {
        return done.size > 0;
      }
    }
  }

  private async staleness(): Promise<Staleness> {
    const now = await this.db.readTx(graphRevisions, 'graphRevisions');
    const from = this.current?.from;
    return {
      lists: now.lists !== from?.lists,
      boundaries: now.boundaries !== from?.boundaries,
      words: now.boundaries !== from?.words,
      complaints: now.complaints !== from?.complaints,
    };
  }

  /** Rebuilds the list side; the history too when asked (or on the first build), else keeps the current one. */
  private async rebuild(withHistory: boolean): Promise<void> {
    const started = performance.now();
    const { revisions, snapshot } = await loadListSnapshot(this.db, this.options);
    let complaints = this.current?.from.complaints ?? 0;
    let pastTickets = this.current?.pastTickets;
    let tickets: PastTicket[] | undefined;
    if (withHistory) {
      this.lastHistoryRead = Date.now();
      const history = await loadHistory(this.db, this.options);
      ({ complaints } = history.revisions);
      ({ tickets } = history);
      snapshot.routings = history.routings;
    }
    const loaded = performance.now();
    if (tickets) pastTickets = await this.stepThrough(buildPastTickets(tickets));
    const index = await this.stepThrough(buildDispatchIndexInSteps(snapshot, this.options.lexicon, { model: pastTickets }));
    const { lists, boundaries } = revisions;
    this.install(
      { index, from: { lists, boundaries, words: boundaries, complaints }, pastTickets },
      revisions.revision,
      started,
      loaded,
      withHistory ? 'lists and history' : 'lists',
    );
  }

  /** Swaps the boundary items' decisions into the current index (their words follow with the next rebuild). */
  private async swapBoundaryItems(): Promise<void> {
    const started = performance.now();
    const { revisions, boundaryItems } = await loadBoundaryItems(this.db);
    const current = this.current!;
    const loaded = performance.now();
    const index = withBoundaryItems(current.index, boundaryItems);
    this.install({ ...current, index, from: { ...current.from, boundaries: revisions.boundaries } }, revisions.revision, started, loaded, 'boundary items');
  }

  /** Rereads the history (routing tallies, past tickets) into the current index; the lists stay. */
  private async swapHistory(): Promise<void> {
    const started = performance.now();
    this.lastHistoryRead = Date.now();
    const { revisions, routings, tickets } = await loadHistory(this.db, this.options);
    const loaded = performance.now();
    const pastTickets = await this.stepThrough(buildPastTickets(tickets));
    const current = this.current!;
    const index = withHistory(current.index, routings, pastTickets);
    this.install({ index, from: { ...current.from, complaints: revisions.complaints }, pastTickets }, revisions.revision, started, loaded, 'history');
  }

  private async stepThrough<T>(steps: Generator<void, T>): Promise<T> {
    let step = steps.next();
    while (!step.done) {
      await nextTurn();
      step = steps.next();
    }
    return step.value;
  }

  private install(built: Omit<Built, 'info'>, version: number, started: number, loaded: number, what: string): void {
    const info: IndexInfo = {
      version,
      builtAt: new Date(),
      loadMs: Math.round(loaded - started),
      buildMs: Math.round(performance.now() - loaded),
      matters: built.index.matters.size,
    };
    this.current = { ...built, info };
    this.log(`dutygraph: dispatch index ${version} ready (${what}; ${info.matters} matters; read ${info.loadMs} ms, built ${info.buildMs} ms)`);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}
