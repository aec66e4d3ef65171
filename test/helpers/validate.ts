import { openBundle } from '../../src/ingest/open-bundle.js';
import { emptyKeySets, validateBundle, type KeySets, type Validation } from '../../src/ingest/validate-bundle.js';
import { writeBundle } from './bundle-dir.js';

/** Validates a bundle folder against a pretend graph holding the given keys and implementations. */
export async function validateFolder(
  folder: string,
  graph: { keys?: Partial<Record<keyof KeySets, string[]>>; sections?: Record<string, string[]> } = {},
): Promise<Validation> {
  const keys = emptyKeySets();
  for (const [kind, ids] of Object.entries(graph.keys ?? {})) for (const id of ids ?? []) keys[kind as keyof KeySets].add(id);
  return validateBundle(await openBundle(folder), { keys, implementingSections: async () => new Map(Object.entries(graph.sections ?? {})) });
}

/** Writes the files to a temporary bundle folder and validates it. */
export function validateFiles(files: Record<string, unknown[] | string | Buffer>, graph: Parameters<typeof validateFolder>[1] = {}): Promise<Validation> {
  return validateFolder(writeBundle(files), graph);
}
