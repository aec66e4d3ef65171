import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import type { Versioned } from './per-revision.js';

const Q = useQueries(['storedFigure', 'storeFigure']);

type Kept<T> = Omit<Versioned<T>, 'stale'>;

/**
 * A figure kept in Neo4j as gzipped JSON under `key`: every replica and the next start read the
 * latest one made instead of waiting for their own (an analysis at S=1 is about 20 s of work,
 * its JSON a few MB, gzipped a tenth of that).
 */
export function storedFigure<T>(db: Database, key: string): { load(): Promise<Kept<T> | undefined>; store(figure: Kept<T>): Promise<void> } {
  return {
    async load() {
      const [row] = await db.read<{ revision: number; generatedAt: string; data: string }>(Q.storedFigure, { key });
      if (!row) return undefined;
      const value = JSON.parse(gunzipSync(Buffer.from(row.data, 'base64')).toString('utf8')) as T;
      return { value, revision: row.revision, generatedAt: new Date(row.generatedAt) };
    },
    async store({ value, revision, generatedAt }) {
      const data = gzipSync(JSON.stringify(value)).toString('base64');
      await db.write(Q.storeFigure, { key, revision, generatedAt: generatedAt.toISOString(), data });
    },
  };
}
