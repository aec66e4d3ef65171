import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import type { MATTER_SOURCES } from '../model/matters.js';
import type { DepartmentKind, ItemLevel, PowerItemType, RegionLevel } from '../model/records.js';

/**
 * The lists as they are in the graph, read for the API. Per-request loaders batch the
 * department -> sections / power items lookups into one query each (no N+1).
 */

const Q = useQueries([
  'listRegions',
  'listDepartments',
  'departmentsByIds',
  'sectionsOfDepartments',
  'powerItemsOfDepartments',
  'listMatters',
  'powerItemsByCodes',
  'sectionsByIds',
  'powerItemCodesOfMatters',
  'departmentsOfRegions',
  'boundaryItemsOfDepartments',
]);

export interface RegionView {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
}

export interface DepartmentView {
  id: string;
  name: string;
  kind: DepartmentKind | null;
  aliases: string[];
  coordinator: boolean;
  region: string;
}

export interface SectionView {
  id: string;
  department: string;
  name: string;
  posts: number;
  staffed: number | null;
}

export interface PowerItemView {
  code: string;
  department: string;
  name: string;
  type: PowerItemType;
  level: ItemLevel | null;
  description: string | null;
  sectionIds: string[];
  matterIds: string[];
}

/** A department or section as a boundary item names it. */
interface NamedRef {
  id: string;
  name: string;
}

export interface BoundaryItemView {
  id: string;
  title: string;
  text: string | null;
  scope: string;
  status: string;
  region: string | null;
  lead: NamedRef | null;
  cooperating: NamedRef[];
  matterIds: string[];
}

export interface MatterView {
  id: string;
  name: string;
  keywords: string[];
  parent: string | null;
  /** imported with the lists, or induced from them (analysis/induce-matters.ts). */
  source: (typeof MATTER_SOURCES)[number];
  confirmed: boolean;
  words: string[];
}

/** Every region. */
export function listRegions(db: Database): Promise<RegionView[]> {
  return db.readAtRevision<RegionView>(Q.listRegions);
}

/** Departments, all or of one region. */
export function listDepartments(db: Database, filter: { region?: string | undefined } = {}): Promise<DepartmentView[]> {
  return db.readAtRevision<DepartmentView>(Q.listDepartments, { region: filter.region ?? null });
}

/** Every matter. */
export function listMatters(db: Database): Promise<MatterView[]> {
  return db.readAtRevision<MatterView>(Q.listMatters);
}

/** Rows grouped by their department, in the order of `keys` (each row keeps its department: Section.department and PowerItem.department read it). */
function groupBy<T extends { department: string }>(rows: T[], keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(row.department)?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

export interface CatalogLoaders {
  departmentById: DataLoader<string, DepartmentView | null>;
  sectionsOfDepartment: DataLoader<string, SectionView[]>;
  powerItemsOfDepartment: DataLoader<string, PowerItemView[]>;
  regionByCode: DataLoader<string, RegionView | null>;
  matterById: DataLoader<string, MatterView | null>;
  powerItemByCode: DataLoader<string, PowerItemView | null>;
  sectionById: DataLoader<string, SectionView | null>;
  powerItemCodesOfMatter: DataLoader<string, string[]>;
  departmentsOfRegion: DataLoader<string, DepartmentView[]>;
  boundaryItemsOfDepartment: DataLoader<string, BoundaryItemView[]>;
}

/** Fresh loaders for one request: they cache only within it. */
export function createCatalogLoaders(db: Database): CatalogLoaders {
  // Regions and matters are few: one read of all of them serves every lookup of the request.
  let regions: Promise<Map<string, RegionView>> | undefined;
  let matters: Promise<Map<string, MatterView>> | undefined;
  return {
    departmentById: new DataLoader(async (ids) => {
      const rows = await db.readAtRevision<DepartmentView>(Q.departmentsByIds, { ids });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    sectionsOfDepartment: new DataLoader(async (ids) =>
      groupBy(await db.readAtRevision<SectionView & { department: string }>(Q.sectionsOfDepartments, { ids }), ids),
    ),
    powerItemsOfDepartment: new DataLoader(async (ids) =>
      groupBy(await db.readAtRevision<PowerItemView & { department: string }>(Q.powerItemsOfDepartments, { ids }), ids),
    ),
    regionByCode: new DataLoader(async (codes) => {
      regions ??= listRegions(db).then((rows) => new Map(rows.map((row) => [row.code, row])));
      const all = await regions;
      return codes.map((code) => all.get(code) ?? null);
    }),
    powerItemByCode: new DataLoader(async (codes) => {
      const byCode = new Map((await db.readAtRevision<PowerItemView>(Q.powerItemsByCodes, { codes })).map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    sectionById: new DataLoader(async (ids) => {
      const byId = new Map((await db.readAtRevision<SectionView>(Q.sectionsByIds, { ids })).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    powerItemCodesOfMatter: new DataLoader(async (ids) => {
      const rows = await db.readAtRevision<{ matter: string; code: string }>(Q.powerItemCodesOfMatters, { ids });
      const byMatter = new Map<string, string[]>(ids.map((id) => [id, []]));
      for (const row of rows) byMatter.get(row.matter)?.push(row.code);
      return ids.map((id) => byMatter.get(id) ?? []);
    }),
    departmentsOfRegion: new DataLoader(async (codes) => {
      const rows = await db.readAtRevision<DepartmentView & { regionCode: string }>(Q.departmentsOfRegions, { codes });
      const byRegion = new Map<string, DepartmentView[]>(codes.map((code) => [code, []]));
      for (const { regionCode, ...department } of rows) byRegion.get(regionCode)?.push(department);
      return codes.map((code) => byRegion.get(code) ?? []);
    }),
    boundaryItemsOfDepartment: new DataLoader(async (ids) =>
      groupBy(await db.readAtRevision<BoundaryItemView & { department: string }>(Q.boundaryItemsOfDepartments, { ids }), ids),
    ),
    matterById: new DataLoader(async (ids) => {
      matters ??= listMatters(db).then((rows) => new Map(rows.map((row) => [row.id, row])));
      const all = await matters;
      return ids.map((id) => all.get(id) ?? null);
    }),
  };
}
