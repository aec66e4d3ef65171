/** A value computed from the graph at one revision. */
export interface Versioned<T> {
  value: T;
  /** The graph revision it was computed from. */
  revision: number;
  generatedAt: Date;
  /** True while the graph has moved on and a newer one is being computed. */
  stale: boolean;
}

export interface PerRevisionOptions<T> {
  /** Computes the value and says which revision it read (in the same transaction, or just before). */
  compute: () => Promise<{ value: T; revision: number }>;
  /** The graph's revision now (cheap: Database.revisionNow reads it at most every 250 ms). */
  revisionNow: () => Promise<number>;
  /** A value kept from an earlier run (e.g. by another replica or before a restart), if any. */
  loadStored?: () => Promise<Omit<Versioned<T>, 'stale'> | undefined>;
  /** Keeps a freshly computed value for later runs; failures are logged, not thrown. */
  store?: (value: Omit<Versioned<T>, 'stale'>) => Promise<void>;
  log?: (line: string) => void;
  label: string;
}

/**
 * A figure computed from the graph, kept per graph revision and recomputed in the background
 * when the revision moves, while the previous value keeps answering (marked stale, with the
 * revision and time it was made from). A caller may ask to wait for the fresh one. One
 * computation runs at a time, however many callers ask; a failed one leaves the previous value
 * answering and is tried again on the next request.
 */
export class PerRevision<T> {
  private latest: Omit<Versioned<T>, 'stale'> | undefined;
  private running: Promise<Omit<Versioned<T>, 'stale'>> | undefined;
  private stored: Promise<void> | undefined;
  /** The latest value being kept (options.store), for flush(). */
  private keeping: Promise<void> = Promise.resolve();

  constructor(private readonly options: PerRevisionOptions<T>) {}

  /** The value for the current revision; the previous one, marked stale, while it is being made, unless `fresh`. */
  async get({ fresh = false }: { fresh?: boolean } = {}): Promise<Versioned<T>> {
    await (this.stored ??= this.loadStored());
    const revision = await this.options.revisionNow();
    if (this.latest && this.latest.revision >= revision) return { ...this.latest, stale: false };
    const running = this.recompute();
    if (this.latest && !fresh) {
      running.catch(() => {}); // reported by recompute(); the stale value answers meanwhile
      return { ...this.latest, stale: true };
    }
    return { ...(await running), stale: false };
  }

  /** Resolves once the latest value made is kept (a server stopping waits for it, so the next start has it). */
  flush(): Promise<void> {
    return this.keeping;
  }

  /** Starts computing the current revision's value unless one is being computed or is there (at start, after a change). */
  refresh(): void {
    this.get().catch(() => {});
  }

  private recompute(): Promise<Omit<Versioned<T>, 'stale'>> {
    this.running ??= (async () => {
      const started = performance.now();
      const { value, revision } = await this.options.compute();
      const made = { value, revision, generatedAt: new Date() };
      if (!this.latest || this.latest.revision <= revision) this.latest = made;
      this.options.log?.(`dutygraph: ${this.options.label} of revision ${revision} ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      if (this.options.store)
        this.keeping = this.options
          .store(made)
          .catch((error: unknown) => this.options.log?.(`dutygraph: could not keep the ${this.options.label}: ${(error as Error).message}`));
      return made;
    })()
      .catch((error: unknown) => {
        this.options.log?.(`dutygraph: the ${this.options.label} failed (${(error as Error).message}); it runs again on the next request`);
        throw error;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async loadStored(): Promise<void> {
    if (!this.options.loadStored) return;
    try {
      const stored = await this.options.loadStored();
      if (stored && (!this.latest || this.latest.revision < stored.revision)) this.latest = stored;
    } catch (error) {
      this.options.log?.(`dutygraph: the kept ${this.options.label} could not be read (${(error as Error).message}); computing it again`);
    }
  }
}
