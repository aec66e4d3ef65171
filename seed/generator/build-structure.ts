import type { BoundaryItem, Department, LegalBasis, PowerItem, PowerItemType, Region, Section, ServiceItem, Task, Volume } from '../../src/model/records.js';
import { DEPARTMENT_KINDS, GENERIC_OFFENCES, INSPECTION_ASPECTS, LAWS, REPEALED_LAWS, SUPERVISION_DUTIES, type DepartmentKind } from './catalog-departments.js';
import { MATTERS, type MatterSpec, matterId } from './catalog-matters.js';
import type { CityNames } from './names.js';
import type { Rng } from './rng.js';
import { buildBoundaryItems, buildServiceItems, buildTasks, buildVolumes, plantForeignInvestmentCase } from './build-lists.js';
import { KIND, SCALE, type PlantedTruth } from './planted.js';
import { chineseNumber, TYPE_CODES, typeOfPermit } from './words.js';

export type { PlantedTruth } from './planted.js';

/**
 * One generated city at Rizhao's scale (BRIEF.md), times `factor`: regions, departments and
 * sections, power items of the city and of its districts and zones, tasks, service items,
 * boundary items and three years of volumes, with the truth of what was planted.
 */

export interface CityStructure {
  names: CityNames;
  regions: Region[];
  departments: Department[];
  sections: Section[];
  powerItems: PowerItem[];
  serviceItems: ServiceItem[];
  tasks: Task[];
  boundaryItems: BoundaryItem[];
  volumes: Volume[];
  /** The department of a kind in a region, if the region has one. */
  departmentOf(region: string, kind: string): Department | undefined;
  /** The boundary lead kind of a matter in a region, when a published item names one. */
  leadOf(region: string, matter: string): string | undefined;
  truth: PlantedTruth;
}

const TOTAL_WEIGHT = DEPARTMENT_KINDS.reduce((sum, kind) => sum + kind.weight, 0);

/** Laws get stable ids across cities: the same law is one LegalBasis node in a province. */
const lawIds = new Map<string, string>();
function lawId(title: string): string {
  if (!lawIds.has(title)) lawIds.set(title, `law-${String(lawIds.size + 1).padStart(3, '0')}`);
  return lawIds.get(title)!;
}

function departmentName(kind: DepartmentKind, names: CityNames, region: { name: string } | undefined): string {
  const city = names.city.name;
  if (!region) return kind.kind === 'party' ? `中共${city}${kind.suffix}` : `${city}${kind.suffix}`;
  if (kind.key === 'st' || kind.key === 'ga') return `${city}${kind.suffix}${region.name}分局`;
  return `${region.name}${kind.suffix}`;
}

/** Builds the city's structure; complaints come after, from build-complaints. */
export function buildCity(names: CityNames, rng: Rng, factor: number): CityStructure {
  const truth: PlantedTruth = {
    overlaps: [],
    orphanMatters: MATTERS.filter((m) => m.holders.length === 0).map((m) => matterId(m.key)),
    itemsWithoutSection: [],
    staleItems: [],
    sectionsWithoutTask: [],
    tasksWithoutFlowchartOrNorm: [],
    serviceItemsWithoutPowerItem: [],
    serviceItemsAtWrongLevel: [],
    countyItemsWithoutCity: [],
    cases: {},
  };
  const cityCode = names.city.code;
  const regions: Region[] = [
    { code: names.city.code, name: names.city.name, level: 'city', parent: names.province.code },
    ...names.subregions.map((r) => ({ code: r.code, name: r.name, level: r.level, parent: cityCode })),
  ];

  // Departments and sections.
  const departments: Department[] = [];
  const sections: Section[] = [];
  const byRegion = new Map<string, Map<string, Department>>();
  const sectionsOf = new Map<string, Section[]>();
  const addDepartment = (kind: DepartmentKind, region: Region, sub?: CityNames['subregions'][number]) => {
    const dept: Department = {
      id: `${region.code}-${kind.key}`,
      name: departmentName(kind, names, sub),
      region: region.code,
      kind: sub && (kind.key === 'st' || kind.key === 'ga') ? 'vertical' : kind.kind,
      aliases: sub ? kind.aliases.map((a) => `${sub.name}${a}`) : kind.aliases,
      ...(kind.key === 'rx' ? { coordinator: true } : {}),
    };
    departments.push(dept);
    if (!byRegion.has(region.code)) byRegion.set(region.code, new Map());
    byRegion.get(region.code)!.set(kind.key, dept);
    const sectionNames = sub
      ? sub.level === 'zone'
        ? ['综合科', ...kind.sections.slice(0, 1)]
        : ['办公室', ...kind.sections.slice(0, 2)]
      : [
          '办公室',
          ...kind.sections,
          ...(kind.weight >= 30 ? ['财务科'] : []),
          ...(kind.weight >= 60 ? ['人事科'] : []),
          ...(kind.weight >= 100 ? ['政策法规科'] : []),
          ...(kind.weight >= 200 ? ['信息中心'] : []),
          ...(kind.weight >= 250 ? ['行政审批科', '执法监督科'] : []),
        ];
    const own = [...new Set(sectionNames)]
      .map((name, i) => ({
        id: `${dept.id}-s${i + 1}`,
        department: dept.id,
        name,
        posts: kind.key === 'sp' && name === '市场准入科' && !sub ? 4 : sub ? rng.int(2, 5) : rng.int(3, 8),
      }))
      .map((s) => ({ ...s, staffed: Math.max(0, s.posts - rng.int(0, 1)) }));
    sections.push(...own);
    sectionsOf.set(dept.id, own);
  };
  const city = regions[0]!;
  for (const kind of DEPARTMENT_KINDS) addDepartment(kind, city);
  names.subregions.forEach((sub, i) => {
    for (const kind of DEPARTMENT_KINDS) {
      if (kind.weight === 0) continue; // party, mass and hotline bodies are kept at city level here
      if (sub.level === 'zone' ? kind.zone : kind.county) addDepartment(kind, regions[i + 1]!, sub);
    }
  });
  const departmentOf = (region: string, key: string) => byRegion.get(region)?.get(key);

  // Power items of the city, then of each district and zone.
  const powerItems: PowerItem[] = [];
  const itemKind = new Map<string, string>();
  const legalBasisOf = (key: string): LegalBasis[] => {
    const laws = LAWS[key] ?? LAWS.default!;
    return rng
      .shuffle(laws)
      .slice(0, rng.int(1, 2))
      .map((title) => ({ id: lawId(title), title, article: `第${chineseNumber(rng.int(5, 120))}条`, status: 'in_force' as const }));
  };
  const supervision = () =>
    rng.shuffle(SUPERVISION_DUTIES).slice(
      0,
      rng.weighted([1, 2, 3, 4, 5], (n) => [2, 4, 5, 3, 1][n - 1]!),
    );
  const pickSection = (dept: Department, special?: string): string[] => {
    const own = sectionsOf.get(dept.id)!.filter((s) => !['办公室', '综合科'].includes(s.name));
    const choices = own.filter((s) => (special ? s.name === special : !(dept.id.endsWith('-sp') && s.name === '市场准入科')));
    const chosen = choices.length > 0 ? rng.pick(choices) : sectionsOf.get(dept.id)![0]!;
    return [chosen.id];
  };
  const cityItemsOfKind = new Map<string, PowerItem[]>();

  for (const kind of DEPARTMENT_KINDS.filter((k) => k.weight > 0)) {
    const dept = departmentOf(cityCode, kind.key)!;
    const quota = Math.max(3, Math.round((SCALE.cityItems * factor * kind.weight) / TOTAL_WEIGHT));
    const drafts = itemDrafts(kind, quota, rng);
    const items: PowerItem[] = drafts.map((draft, i) => {
      const code = `${cityCode}-${kind.code}-${TYPE_CODES[draft.type]}-${String(i + 1).padStart(4, '0')}`;
      const special =
        kind.key === 'sp' && (draft.matter === 'foreign-enterprise' || draft.matter === 'enterprise-registration' || draft.name === '企业变更登记')
          ? '市场准入科'
          : undefined;
      const stale = !draft.matter && REPEALED_LAWS[kind.key] !== undefined && rng.chance(0.01);
      const unimplemented = !draft.matter && !special && rng.chance(0.008);
      const item: PowerItem = {
        code,
        name: draft.name,
        type: draft.type,
        department: dept.id,
        level: 'both',
        ...(unimplemented ? {} : { sections: pickSection(dept, special) }),
        legalBasis: stale
          ? [{ id: lawId(REPEALED_LAWS[kind.key]!), title: REPEALED_LAWS[kind.key]!, article: `第${chineseNumber(rng.int(5, 60))}条`, status: 'repealed' }]
          : legalBasisOf(kind.key),
        supervision: supervision(),
        ...(draft.matter ? { matters: [matterId(draft.matter)] } : {}),
      };
      if (stale) truth.staleItems.push(code);
      if (unimplemented) truth.itemsWithoutSection.push(code);
      itemKind.set(code, kind.key);
      return item;
    });
    cityItemsOfKind.set(kind.key, items);
    powerItems.push(...items);
  }

  names.subregions.forEach((sub) => {
    for (const [key, cityItems] of cityItemsOfKind) {
      const dept = departmentOf(sub.code, key);
      if (!dept) continue;
      const mirrorRate = sub.level === 'zone' ? 0.85 : 0.97;
      let seq = 0;
      const seen = new Set<string>();
      for (const cityItem of cityItems) {
        if (!cityItem.matters && !rng.chance(mirrorRate)) continue;
        seen.add(cityItem.name);
        powerItems.push({
          ...cityItem,
          code: `${sub.code}-${KIND.get(key)!.code}-${TYPE_CODES[cityItem.type]}-${String(++seq).padStart(4, '0')}`,
          department: dept.id,
          level: 'county',
          sections: pickSection(dept),
          correspondsTo: cityItem.code,
        });
      }
      const extras = itemDrafts(KIND.get(key)!, Math.round(seq * (sub.level === 'zone' ? 0.05 : SCALE.countyExtraRate)) + seq, rng)
        .filter((draft) => !draft.matter && !seen.has(draft.name))
        .slice(0, Math.round(seq * (sub.level === 'zone' ? 0.05 : SCALE.countyExtraRate)));
      for (const draft of extras) {
        const code = `${sub.code}-${KIND.get(key)!.code}-${TYPE_CODES[draft.type]}-${String(++seq).padStart(4, '0')}`;
        powerItems.push({
          code,
          name: draft.name,
          type: draft.type,
          department: dept.id,
          level: 'county',
          sections: pickSection(dept),
          legalBasis: legalBasisOf(key),
          supervision: supervision(),
        });
        truth.countyItemsWithoutCity.push(code);
      }
    }
  });

  const tasks = buildTasks(departments, sectionsOf, factor, rng, truth);
  const serviceItems = buildServiceItems(powerItems, factor, rng, truth);
  const { boundaryItems, leads } = buildBoundaryItems(regions, departmentOf, sectionsOf, factor, rng, truth);
  const volumes = buildVolumes(powerItems, rng);
  plantForeignInvestmentCase(powerItems, volumes, sections, departmentOf(cityCode, 'sp')!, departmentOf(cityCode, 'sc')!, truth);
  truth.cases.constructionNoise = { region: cityCode, matter: matterId('construction-noise'), lead: departmentOf(cityCode, 'st')!.id };
  truth.cases.housingTransaction = {
    region: cityCode,
    matter: matterId('housing-transaction'),
    departments: [departmentOf(cityCode, 'zj')!.id, departmentOf(cityCode, 'zr')!.id],
  };

  return {
    names,
    regions,
    departments,
    sections,
    powerItems,
    serviceItems,
    tasks,
    boundaryItems,
    volumes,
    departmentOf,
    leadOf: (region, matter) => leads.get(`${region}|${matter}`),
    truth,
  };
}

/** Penalty items are often split by circumstance in real lists. */
const PENALTY_QUALIFIERS = ['', '', '且拒不改正', '情节严重', '造成严重后果', '逾期未改正'];

interface ItemDraft {
  name: string;
  type: PowerItemType;
  matter?: string;
}

/** Item names and types of one department kind: its matters' items first, then its own vocabulary. */
function itemDrafts(kind: DepartmentKind, quota: number, rng: Rng): ItemDraft[] {
  const drafts: ItemDraft[] = [];
  const names = new Set<string>();
  const add = (draft: ItemDraft) => {
    if (names.has(draft.name)) return;
    names.add(draft.name);
    drafts.push(draft);
  };
  for (const matter of MATTERS) {
    for (const holder of matter.holders.filter((h) => h.dept === kind.key)) {
      for (const type of holder.types) add({ name: matterItemName(matter, type), type, matter: matter.key });
    }
  }
  for (const permit of kind.permits) add({ name: permit, type: typeOfPermit(permit) });
  if (kind.key === 'sp') add({ name: '企业变更登记', type: 'licensing' });
  const objects = kind.objects.length > 0 ? kind.objects : ['行政相对人'];
  const offences = rng.shuffle(GENERIC_OFFENCES);
  for (let round = 0; drafts.length < quota && round < quota * 30; round++) {
    const object = objects[round % objects.length]!;
    const roll = rng.next();
    if (roll < 0.6) add({ name: `对${object}${rng.pick(offences)}${rng.pick(PENALTY_QUALIFIERS)}的行政处罚`, type: 'penalty' });
    else if (roll < 0.84) add({ name: `对${object}的${rng.pick(INSPECTION_ASPECTS)}监督检查`, type: 'inspection' });
    else if (roll < 0.9) add({ name: `对${object}${rng.pick(['违法使用的设施设备', '涉案物品', '有关场所'])}的查封、扣押`, type: 'coercion' });
    else if (roll < 0.93) add({ name: `${object}${rng.pick(['违法行为举报', '先进典型'])}奖励`, type: 'reward' });
    else if (roll < 0.97 && kind.permits.length > 0) add({ name: `${rng.pick(kind.permits)}${rng.pick(['延续', '变更', '注销', '补证'])}`, type: 'licensing' });
    else add({ name: `${object}${rng.pick(['相关信息', '年度报告', '重大事项'])}备案`, type: 'other' });
  }
  return drafts.slice(0, Math.max(quota, drafts.filter((d) => d.matter).length + kind.permits.length));
}

/** The wording of an item a matter's holder has of one type. */
function matterItemName(matter: MatterSpec, type: PowerItemType): string {
  switch (type) {
    case 'penalty':
      return `对${matter.act}的行政处罚`;
    case 'inspection':
      return `对${matter.object}的监督检查`;
    case 'coercion':
      return `对${matter.object}的行政强制`;
    case 'licensing':
    case 'confirmation':
    case 'benefit':
      return matter.permit ?? `${matter.name}相关事项办理`;
    default:
      return `${matter.name}工作的组织实施`;
  }
}
