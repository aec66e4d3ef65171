/**
 * Region rules the analysis and dispatch share: where a region sits among the regions above it,
 * and which published boundary item is nearest to a district.
 */

/** region -> itself and its ancestors, nearest first (a cycle in the data stops the walk). */
export function regionChains(regions: readonly { code: string; parent?: string | null | undefined }[]): Map<string, string[]> {
  const parents = new Map(regions.map((r) => [r.code, r.parent ?? undefined]));
  return new Map(
    regions.map((r) => {
      const chain: string[] = [];
      for (let code: string | undefined = r.code; code && !chain.includes(code); code = parents.get(code)) chain.push(code);
      return [r.code, chain];
    }),
  );
}

/**
 * Of the boundary items given (published ones, on one matter), the one nearest to the regions in
 * view, which come nearest first (a district's chain): an item of the district beats one of an
 * enclosing region; an item without a region covers every region and comes last. Items of regions
 * out of view never apply.
 */
export function nearestBoundaryItem<T extends { region?: string | null | undefined }>(
  items: readonly T[],
  regionsNearestFirst: readonly string[],
): T | undefined {
  const rank = (item: T) => (item.region === null || item.region === undefined ? regionsNearestFirst.length : regionsNearestFirst.indexOf(item.region));
  let best: T | undefined;
  for (const item of items) {
    const r = rank(item);
    if (r >= 0 && (best === undefined || r < rank(best))) best = item;
  }
  return best;
}
