import { describe, expect, it } from 'vitest';
import { importProgressPrinter } from '../../src/cli/progress.js';

/** A log stream (not a terminal) that keeps what is written. */
function logStream(isTTY = false) {
  const lines: string[] = [];
  return { lines, stream: { isTTY, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream };
}

describe('import progress', () => {
  it('in a log: a line when a phase of a file ends, and every 5 s within a long one', () => {
    const { lines, stream } = logStream();
    let clock = 0;
    const printer = importProgressPrinter(stream, () => clock);
    printer.update({ phase: 'validating', file: 'complaints', done: 10_000 });
    clock = 6_000;
    printer.update({ phase: 'validating', file: 'complaints', done: 20_000 });
    clock = 7_000;
    printer.update({ phase: 'nodes', file: 'complaints', done: 5_000, total: 20_000 });
    printer.update({ phase: 'nodes', file: 'complaints', done: 20_000, total: 20_000 });
    expect(lines).toEqual(['validating complaints: 20000\n', 'writing complaints: 20000/20000\n']);
  });

  it('at a terminal: one redrawn line, cleared at the end', () => {
    const { lines, stream } = logStream(true);
    const printer = importProgressPrinter(stream);
    printer.update({ phase: 'validating', file: 'tasks', done: 10_000 });
    printer.update({ phase: 'nodes', file: 'tasks', done: 15, total: 30 });
    printer.end();
    expect(lines[0]).toBe('\r\x1b[Kvalidating tasks 10000');
    expect(lines[1]).toBe(`\r\x1b[K[${'#'.repeat(15)}${'-'.repeat(15)}] writing tasks 15/30`);
    expect(lines[2]).toBe('\r\x1b[K');
  });
});
