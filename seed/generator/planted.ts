import { DEPARTMENT_KINDS } from './catalog-departments.js';

/** Target counts of one city at scale 1 (BRIEF.md's Rizhao figures), before `factor`. */
export const SCALE = {
  cityItems: 5037,
  countyExtraRate: 0.38,
  tasksPerCitySection: 17,
  tasksPerPartySection: 20,
  tasksPerCountySection: 11,
  serviceItems: 3000,
  years: [2021, 2022, 2023],
};

/** What a generated city deliberately contains, for tests and benchmarks (truth.json). */
export interface PlantedTruth {
  overlaps: { region: string; matter: string; departments: string[] }[];
  orphanMatters: string[];
  itemsWithoutSection: string[];
  staleItems: string[];
  sectionsWithoutTask: string[];
  tasksWithoutFlowchartOrNorm: string[];
  serviceItemsWithoutPowerItem: string[];
  serviceItemsAtWrongLevel: string[];
  countyItemsWithoutCity: string[];
  cases: Record<string, unknown>;
}

/** Department kinds by key. */
export const KIND = new Map(DEPARTMENT_KINDS.map((kind) => [kind.key, kind]));
