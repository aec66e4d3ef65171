import { describe, expect, it } from 'vitest';
import { PerRevision } from '../../src/figures/per-revision.js';

/** A figure over a fake revision counter whose computations finish when the test says so. */
function harness(options: { stored?: { value: string; revision: number } } = {}) {
  let revision = 1;
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let computed = 0;
  const kept: number[] = [];
  const figure = new PerRevision<string>({
    label: 'test figure',
    revisionNow: () => Promise.resolve(revision),
    compute: () => {
      computed++;
      const at = revision;
      return new Promise((resolve, reject) => pending.push({ resolve: () => resolve({ value: `made at ${at}`, revision: at }), reject }));
    },
    loadStored: () => Promise.resolve(options.stored && { ...options.stored, generatedAt: new Date(0) }),
    store: (value) => {
      kept.push(value.revision);
      return Promise.resolve();
    },
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    figure,
    move: () => revision++,
    finish: async () => {
      await settle();
      pending.shift()!.resolve();
      await settle();
    },
    fail: async () => {
      await settle();
      pending.shift()!.reject(new Error('Neo4j went away'));
      await settle();
    },
    computed: () => computed,
    kept,
  };
}

describe('a figure per graph revision', () => {
  it('answers the previous value, marked stale, while the new one is made; fresh waits for it', async () => {
    const h = harness();
    const first = h.figure.get();
    await h.finish();
    expect(await first).toMatchObject({ value: 'made at 1', revision: 1, stale: false });

    h.move();
    expect(await h.figure.get()).toMatchObject({ value: 'made at 1', revision: 1, stale: true });
    const waiting = h.figure.get({ fresh: true });
    expect(await h.figure.get()).toMatchObject({ stale: true });
    await h.finish();
    expect(await waiting).toMatchObject({ value: 'made at 2', revision: 2, stale: false });
    expect(await h.figure.get()).toMatchObject({ value: 'made at 2', stale: false });
    expect(h.computed()).toBe(2);
    expect(h.kept).toEqual([1, 2]);
  });

  it('makes one value however many ask at once', async () => {
    const h = harness();
    const callers = Promise.all([h.figure.get(), h.figure.get(), h.figure.get({ fresh: true })]);
    await h.finish();
    expect((await callers).map((v) => v.value)).toEqual(['made at 1', 'made at 1', 'made at 1']);
    expect(h.computed()).toBe(1);
  });

  it('keeps answering the previous value when a recomputation fails, and tries again on the next request', async () => {
    const h = harness();
    const first = h.figure.get();
    await h.finish();
    await first;
    h.move();
    expect(await h.figure.get()).toMatchObject({ revision: 1, stale: true });
    await h.fail();
    expect(await h.figure.get()).toMatchObject({ revision: 1, stale: true });
    expect(h.computed()).toBe(3);
    await h.finish();
    expect(await h.figure.get()).toMatchObject({ revision: 2, stale: false });
  });

  it('with nothing to show yet, a failure reaches the caller', async () => {
    const h = harness();
    const first = h.figure.get().catch((error: unknown) => error);
    await h.fail();
    expect(await first).toMatchObject({ message: 'Neo4j went away' });
  });

  it('answers at once from a value kept by an earlier run, stale when the graph moved since', async () => {
    const h = harness({ stored: { value: 'kept', revision: 0 } });
    expect(await h.figure.get()).toMatchObject({ value: 'kept', revision: 0, stale: true });
    await h.finish();
    expect(await h.figure.get()).toMatchObject({ value: 'made at 1', stale: false });

    const current = harness({ stored: { value: 'kept', revision: 1 } });
    expect(await current.figure.get()).toMatchObject({ value: 'kept', stale: false });
    expect(current.computed()).toBe(0);
  });
});
