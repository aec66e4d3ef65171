import type { Database } from '../../db/database.js';
import { useQueries } from '../../db/named-queries.js';
import { RECORD_SCHEMAS, type RecordFile, type RecordTypes } from '../../model/bundle.js';
import type { OpenedBundle } from '../open-bundle.js';
import { NameDirectory, type DirectoryEntries } from './directory.js';

const Q = useQueries(['directoryNames']);

async function validRecords<F extends RecordFile>(bundle: OpenedBundle, file: F): Promise<RecordTypes[F][]> {
  const records: RecordTypes[F][] = [];
  const source = bundle.sources[file];
  if (!source) return records;
  for await (const entry of source.entries()) {
    if (entry.error !== undefined) continue;
    const parsed = RECORD_SCHEMAS[file].safeParse(entry.value);
    if (parsed.success) records.push(parsed.data as RecordTypes[F]);
  }
  return records; // bad records are left to the validation pass to report
}

/**
 * Builds the directory spreadsheet rows are resolved with: the graph's names plus the bundle's
 * regions, departments, sections and matters. Sections may themselves come from a 三定 sheet,
 * which needs the departments: so departments first, then sections, then the final directory.
 */
export async function loadDirectory(db: Database, bundle: OpenedBundle): Promise<void> {
  const [graph] = await db.read<DirectoryEntries>(Q.directoryNames);
  const entries: DirectoryEntries = {
    departments: [...(graph?.departments ?? []), ...(await validRecords(bundle, 'departments'))],
    regions: [...(graph?.regions ?? []), ...(await validRecords(bundle, 'regions'))],
    matters: [...(graph?.matters ?? []), ...(await validRecords(bundle, 'matters'))],
    sections: graph?.sections ?? [],
  };
  bundle.names.directory = new NameDirectory(entries);
  const sections = await validRecords(bundle, 'sections');
  bundle.names.directory = new NameDirectory({ ...entries, sections: [...entries.sections, ...sections] });
}
