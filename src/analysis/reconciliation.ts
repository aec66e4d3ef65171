import type { PowerItemType } from '../model/records.js';
import type { Finding, Named } from './findings.js';
import type { Lookup } from './lookup.js';
import type { AnalysisSnapshot } from './snapshot.js';

/** Power items a citizen or company applies for: each should be a service item (两单融合). */
const APPLICATION_TYPES = new Set<PowerItemType>(['licensing', 'confirmation', 'benefit', 'reward', 'adjudication']);

const LEVEL_NAMES: Record<string, string> = { city: '市级', county: '县级' };

/**
 * The level of the list a power item belongs to: its department's. An item marked "both" exists
 * at both levels, each in its own list, so a county service item realising the city's copy is
 * at the wrong level as much as one realising a city-only item.
 */
const listLevel = (item: AnalysisSnapshot['powerItems'][number], lookup: Lookup) => lookup.listLevel(item.department);

/** Most item names listed in one county-gap finding's evidence. */
const LISTED = 20;

/**
 * Two-list fusion and the city-county comparison: service items that realise no power item,
 * application-type power items no service item realises, service items at another level than
 * their power item, and, department by department, county items without a city counterpart and
 * city items a county's department lacks.
 */
export function findReconciliationGaps(snapshot: AnalysisSnapshot, lookup: Lookup): Finding[] {
  const findings: Finding[] = [];
  const items = new Map(snapshot.powerItems.map((p) => [p.code, p]));
  for (const service of snapshot.serviceItems) {
    const realised = service.powerItems.map((code) => items.get(code)).filter((p) => p !== undefined);
    const departments = [...new Set(realised.map((p) => p.department))].map((d) => lookup.department(d));
    const base = { region: realised[0] ? lookup.regionOf(realised[0].department) : null, departments, complaints: 0, severity: 1 };
    if (realised.length === 0) {
      findings.push({
        ...base,
        id: `unmatched-service-item:${service.code}`,
        kind: 'unmatched-service-item',
        items: [{ id: service.code, name: service.name }],
        evidence: [{ kind: 'service-item', id: service.code, text: `${service.name}：未对应任何权责事项` }],
      });
      continue;
    }
    for (const item of realised.filter((p) => listLevel(p, lookup) !== service.level)) {
      findings.push({
        ...base,
        id: `level-mismatch:${service.code}:${item.code}`,
        kind: 'level-mismatch',
        items: [
          { id: service.code, name: service.name },
          { id: item.code, name: item.name },
        ],
        evidence: [
          {
            kind: 'service-item',
            id: service.code,
            text: `服务事项在${LEVEL_NAMES[service.level] ?? service.level}办理，对应权责事项${item.code}属于${lookup.department(item.department).name}的${LEVEL_NAMES[listLevel(item, lookup)]}清单`,
          },
        ],
      });
    }
  }
  for (const item of snapshot.powerItems.filter((p) => APPLICATION_TYPES.has(p.type) && p.serviceItems === 0)) {
    findings.push({
      id: `unrealized-power-item:${item.code}`,
      kind: 'unrealized-power-item',
      region: lookup.regionOf(item.department),
      departments: [lookup.department(item.department)],
      items: [{ id: item.code, name: item.name }],
      complaints: 0,
      severity: 1,
      evidence: [{ kind: 'power-item', id: item.code, text: `${item.name}：依申请类权责事项，未纳入政务服务事项清单` }],
    });
  }
  findings.push(...countyGaps(snapshot, lookup));
  return findings;
}

function countyGaps(snapshot: AnalysisSnapshot, lookup: Lookup): Finding[] {
  const findings: Finding[] = [];
  const byDepartment = new Map<string, AnalysisSnapshot['powerItems']>();
  for (const item of snapshot.powerItems) byDepartment.set(item.department, [...(byDepartment.get(item.department) ?? []), item]);
  const departmentOfItem = new Map(snapshot.powerItems.map((p) => [p.code, p.department]));
  const isCounty = (department: string) => lookup.listLevel(department) === 'county';
  const gap = (department: string, counterpart: Named | null, listed: AnalysisSnapshot['powerItems'], text: string): Finding => ({
    id: `county-gap:${department}:${counterpart?.id ?? 'none'}`,
    kind: 'county-gap',
    region: lookup.regionOf(department),
    departments: [lookup.department(department), ...(counterpart ? [counterpart] : [])],
    items: listed.map((p) => ({ id: p.code, name: p.name })),
    complaints: 0,
    severity: 1,
    evidence: [
      { kind: 'power-item', id: department, text },
      ...listed.slice(0, LISTED).map((p) => ({ kind: 'power-item' as const, id: p.code, text: p.name })),
    ],
  });
  for (const [department, own] of byDepartment) {
    if (!isCounty(department)) continue;
    const unmatched = own.filter((p) => p.correspondsTo === null);
    if (unmatched.length > 0) {
      findings.push(gap(department, null, unmatched, `${lookup.department(department).name}有${unmatched.length}项权责事项在市级清单中没有对应事项`));
    }
    // The city department this county department mirrors, and what of it the county lacks.
    const mirrored = new Set(own.map((p) => p.correspondsTo).filter((c): c is string => c !== null));
    const cityDepartments = new Set([...mirrored].map((code) => departmentOfItem.get(code)).filter((d): d is string => d !== undefined));
    for (const city of cityDepartments) {
      const lacking = (byDepartment.get(city) ?? []).filter((p) => p.level !== 'city' && !mirrored.has(p.code));
      if (lacking.length === 0) continue;
      findings.push(
        gap(
          department,
          lookup.department(city),
          lacking,
          `${lookup.department(city).name}有${lacking.length}项非市级专属权责事项，${lookup.department(department).name}清单中没有对应事项`,
        ),
      );
    }
  }
  return findings;
}
