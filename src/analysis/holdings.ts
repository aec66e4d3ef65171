import { TASK_WEIGHT, TYPE_WEIGHT } from '../model/duty-weight.js';
import type { PowerItemType } from '../model/records.js';
import type { Lookup } from './lookup.js';
import type { AnalysisSnapshot } from './snapshot.js';

/** What one department holds on one matter. */
export interface Holding {
  department: string;
  items: { code: string; name: string; type: PowerItemType }[];
  tasks: { id: string; name: string }[];
}

/** region -> matter -> department -> holding; a department's region is where it holds. */
export type Holdings = Map<string, Map<string, Map<string, Holding>>>;

export function collectHoldings(snapshot: AnalysisSnapshot, lookup: Lookup): Holdings {
  const holdings: Holdings = new Map();
  const at = (department: string, matter: string): Holding | undefined => {
    const region = lookup.regionOf(department);
    if (region === null || lookup.categories.has(matter)) return undefined;
    if (!holdings.has(region)) holdings.set(region, new Map());
    const byMatter = holdings.get(region)!;
    if (!byMatter.has(matter)) byMatter.set(matter, new Map());
    const byDepartment = byMatter.get(matter)!;
    if (!byDepartment.has(department)) byDepartment.set(department, { department, items: [], tasks: [] });
    return byDepartment.get(department);
  };
  for (const item of snapshot.powerItems) {
    for (const matter of item.matters) at(item.department, matter)?.items.push({ code: item.code, name: item.name, type: item.type });
  }
  for (const task of snapshot.tasks) {
    for (const matter of task.matters) at(task.department, matter)?.tasks.push({ id: task.id, name: task.name });
  }
  return holdings;
}

/** The strongest single item type a department holds on the matter. */
export function holdingStrength(holding: Holding): number {
  return Math.max(holding.tasks.length > 0 ? TASK_WEIGHT : 0, ...holding.items.map((i) => TYPE_WEIGHT[i.type]));
}
