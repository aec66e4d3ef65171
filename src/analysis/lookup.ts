import { tokenize } from '../text/tokenize.js';
import { categoryMatters } from '../model/matters.js';
import { regionChains } from '../model/regions.js';
import type { Named } from './findings.js';
import type { AnalysisSnapshot } from './snapshot.js';

/** Names and relations of a snapshot, looked up by id. Built once per analysis. */
export class Lookup {
  readonly departments: Map<string, AnalysisSnapshot['departments'][number]>;
  readonly matters: Map<string, AnalysisSnapshot['matters'][number]>;
  readonly regions: Map<string, AnalysisSnapshot['regions'][number]>;
  /** region -> itself and its ancestors, nearest first. */
  readonly chains: Map<string, string[]>;
  /** Matters with children (categories): nobody holds a category, so they are never orphans or overlaps. */
  readonly categories: Set<string>;

  private readonly words = new Map<string, string[]>();

  constructor(snapshot: AnalysisSnapshot) {
    this.departments = new Map(snapshot.departments.map((d) => [d.id, d]));
    this.matters = new Map(snapshot.matters.map((m) => [m.id, m]));
    this.regions = new Map(snapshot.regions.map((r) => [r.code, r]));
    this.categories = categoryMatters(snapshot.matters);
    this.chains = regionChains(snapshot.regions);
  }

  department(id: string): Named {
    return { id, name: this.departments.get(id)?.name ?? id };
  }

  matter(id: string): Named {
    return { id, name: this.matters.get(id)?.name ?? id };
  }

  regionOf(department: string): string | null {
    return this.departments.get(department)?.region ?? null;
  }

  /** The jieba words of a text (item names), segmented once per analysis. */
  wordsOf(text: string): string[] {
    let words = this.words.get(text);
    if (!words) this.words.set(text, (words = tokenize(text)));
    return words;
  }

  /**
   * The level of a department's lists: county for counties, districts and zones (开发区), city
   * for cities and above. Service items and the city-county comparison speak in these two.
   */
  listLevel(department: string): 'city' | 'county' {
    const level = this.regions.get(this.regionOf(department) ?? '')?.level;
    return level === 'county' || level === 'district' || level === 'zone' ? 'county' : 'city';
  }

  regionName(code: string | null): string {
    return code === null ? '全域' : (this.regions.get(code)?.name ?? code);
  }
}
