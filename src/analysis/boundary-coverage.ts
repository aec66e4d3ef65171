import { nearestBoundaryItem } from '../model/regions.js';
import type { Lookup } from './lookup.js';
import type { AnalysisSnapshot } from './snapshot.js';

type BoundaryItem = AnalysisSnapshot['boundaryItems'][number];

/**
 * Which published department-scope boundary items name a lead for a matter in a region: one for
 * the region itself, an enclosing region, or every region (no region), as dispatch reads them.
 */
export class BoundaryCoverage {
  private readonly byMatter = new Map<string, BoundaryItem[]>();

  constructor(
    snapshot: AnalysisSnapshot,
    private readonly lookup: Lookup,
  ) {
    for (const item of snapshot.boundaryItems) {
      if (item.status !== 'published' || item.lead === null) continue;
      for (const matter of item.matters) this.byMatter.set(matter, [...(this.byMatter.get(matter) ?? []), item]);
    }
  }

  /** The nearest published item naming a lead for the matter in the region, if any. */
  leadItem(region: string, matter: string): BoundaryItem | undefined {
    return nearestBoundaryItem(this.byMatter.get(matter) ?? [], this.lookup.chains.get(region) ?? [region]);
  }
}
