import { kindOf, type RecordFile, type RecordTypes } from '../../model/record-kinds.js';
import type { EntrySource } from '../record-sources.js';
import { NameDirectory, type DirectoryEntries } from './directory.js';
import type { PendingSource } from './spreadsheet-sources.js';

async function validRecords<F extends RecordFile>(file: F, sources: (EntrySource | undefined)[]): Promise<RecordTypes[F][]> {
  const records: RecordTypes[F][] = [];
  for (const source of sources) {
    if (!source) continue;
    for await (const entry of source.entries()) {
      if (entry.value === undefined) continue;
      const parsed = kindOf(file).schema.safeParse(entry.value);
      if (parsed.success) records.push(parsed.data);
    }
  }
  return records; // bad records are left to the validation pass to report
}

/**
 * The directory spreadsheet rows are resolved with: the graph's names plus the bundle's regions,
 * departments, sections and matters. Sections may themselves come from a 三定 sheet, which needs
 * the departments: so a first directory resolves those sheets, then the final one adds their sections.
 */
export async function buildDirectory(
  graph: DirectoryEntries,
  ready: Partial<Record<RecordFile, EntrySource>>,
  pending: readonly PendingSource[],
): Promise<NameDirectory> {
  const entries: DirectoryEntries = {
    departments: [...graph.departments, ...(await validRecords('departments', [ready.departments]))],
    regions: [...graph.regions, ...(await validRecords('regions', [ready.regions]))],
    matters: [...graph.matters, ...(await validRecords('matters', [ready.matters]))],
    sections: graph.sections,
  };
  const first = new NameDirectory(entries);
  const sheetSections = pending.filter((p) => p.file === 'sections').map((p) => p.open(first));
  const sections = await validRecords('sections', [ready.sections, ...sheetSections]);
  return new NameDirectory({ ...entries, sections: [...entries.sections, ...sections] });
}
