import type { ImportProgress, ImportReport } from '../ingest/import-bundle.js';
import { RECORD_FILES } from '../model/record-kinds.js';

/**
 * Import progress for a person at a terminal (one redrawn bar) or for a log (a plain line as
 * each file finishes a phase).
 */
export function importProgressPrinter(stream: NodeJS.WriteStream = process.stderr): { update(p: ImportProgress): void; end(): void } {
  let drawn = false;
  return {
    update(p: ImportProgress) {
      const label = `${p.phase === 'nodes' ? 'writing' : 'linking'} ${p.file}`;
      if (stream.isTTY) {
        const width = 30;
        const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
        stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${label} ${p.done}/${p.total}`);
        drawn = true;
      } else if (p.done === p.total) {
        stream.write(`${label}: ${p.total}\n`);
      }
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

/** The per-file table printed at the end of an import. */
export function formatImportReport(report: ImportReport): string {
  const header = ['file', 'created', 'updated', 'unchanged', 'rejected'];
  const rows = RECORD_FILES.map((file) => {
    const c = report.counts[file];
    return [file, c.created, c.updated, c.unchanged, c.rejected].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
