import type { ImportProgress, ImportReport } from '../ingest/import-bundle.js';
import { RECORD_FILES } from '../model/record-kinds.js';

const PHASE_WORDS = { validating: 'validating', nodes: 'writing', relationships: 'linking' } as const;

/** Seconds between two progress lines in a log, so a long phase never goes silent. */
const LOG_EVERY_MS = 5_000;

/**
 * Import progress for a person at a terminal (one redrawn bar, or a running count while records
 * are validated) or for a log (a plain line as each file finishes a phase, and every 5 s within one).
 */
export function importProgressPrinter(
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): { update(p: ImportProgress): void; end(): void } {
  let drawn = false;
  let loggedAt = now();
  return {
    update(p: ImportProgress) {
      const label = `${PHASE_WORDS[p.phase]} ${p.file}`;
      const count = p.total === undefined ? `${p.done}` : `${p.done}/${p.total}`;
      if (stream.isTTY) {
        const width = 30;
        const bar = p.total === undefined ? '' : `[${'#'.repeat(p.total === 0 ? width : Math.round((p.done / p.total) * width)).padEnd(width, '-')}] `;
        stream.write(`\r\x1b[K${bar}${label} ${count}`);
        drawn = true;
      } else if (p.done === p.total || now() - loggedAt >= LOG_EVERY_MS) {
        stream.write(`${label}: ${count}\n`);
        loggedAt = now();
      }
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

/** The per-file table printed at the end of an import. */
export function formatImportReport(report: ImportReport): string {
  const header = ['file', 'created', 'updated', 'resumed', 'unchanged', 'rejected'];
  const rows = RECORD_FILES.map((file) => {
    const c = report.counts[file];
    return [file, c.created, c.updated, c.resumed, c.unchanged, c.rejected].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const induced = report.induced;
  const inducedLine = induced?.matters
    ? [
        `induced matters: ${induced.matters} from ${induced.items} untagged power items; ${induced.linkedComplaints} of ${induced.complaints} untagged complaints linked`,
      ]
    : [];
  return [line(header), ...rows.map(line), ...inducedLine].join('\n');
}
