/** Where a matter comes from: the bundle, or dutygraph's reading of untagged lists (analysis/induce-matters.ts). */
export const MATTER_SOURCES = ['imported', 'induced'] as const;

/**
 * A matter with children is a category (噪声污染 over 建筑施工噪声): nobody holds a category, so it
 * is never an orphan, an overlap or a dispatch answer; its words count for its children. Analysis
 * and dispatch both ask this.
 */
export function categoryMatters(matters: readonly { parent?: string | null | undefined }[]): Set<string> {
  return new Set(matters.map((m) => m.parent).filter((parent): parent is string => typeof parent === 'string'));
}
