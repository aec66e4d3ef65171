import type { Database } from '../db/database.js';
import { useQueries, type NamedQuery } from '../db/named-queries.js';
import type { AnalysisSnapshot } from './snapshot.js';

const Q = useQueries([
  'analysisRegions',
  'analysisDepartments',
  'analysisMatters',
  'analysisPowerItems',
  'analysisSections',
  'analysisTasks',
  'analysisServiceItems',
  'analysisBoundaryItems',
  'analysisComplaintVolumes',
  'analysisRoutingByDepartment',
  'analysisRefusalPairs',
  'analysisCoHandled',
]);

/** Reads the analysis snapshot in one read transaction (one consistent state); `onQuery` times each read. */
export async function loadAnalysisSnapshot(db: Database, onQuery?: (name: string, ms: number) => void): Promise<AnalysisSnapshot> {
  return db.readTx(
    async (tx) => {
      const timed = async <T>(query: NamedQuery): Promise<T[]> => {
        const started = performance.now();
        const rows = await tx.run<T>(query);
        onQuery?.(query.name, performance.now() - started);
        return rows;
      };
      return {
        regions: await timed(Q.analysisRegions),
        departments: await timed(Q.analysisDepartments),
        matters: await timed(Q.analysisMatters),
        powerItems: await timed(Q.analysisPowerItems),
        sections: await timed(Q.analysisSections),
        tasks: await timed(Q.analysisTasks),
        serviceItems: await timed(Q.analysisServiceItems),
        boundaryItems: await timed(Q.analysisBoundaryItems),
        complaintVolumes: await timed(Q.analysisComplaintVolumes),
        routing: await timed(Q.analysisRoutingByDepartment),
        refusalPairs: await timed(Q.analysisRefusalPairs),
        coHandled: await timed(Q.analysisCoHandled),
      };
    },
    'loadAnalysisSnapshot',
    { timeoutMs: 30 * 60_000 },
  );
}
