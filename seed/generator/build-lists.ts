import type { BoundaryItem, Department, PowerItem, PowerItemType, Region, Section, ServiceItem, Task, Volume } from '../../src/model/records.js';
import { MATTERS, type MatterSpec, matterId } from './catalog-matters.js';
import { KIND, SCALE, type PlantedTruth } from './planted.js';
import type { Rng } from './rng.js';
import { BOUNDARY_ASPECTS, OFFICE_TASKS, TASK_TEMPLATES } from './words.js';

/**
 * The lists around a generated city's power items: section tasks, service items, boundary
 * items, yearly volumes, and the brief's foreign-investment staffing case.
 */

export function buildTasks(departments: Department[], sectionsOf: Map<string, Section[]>, factor: number, rng: Rng, truth: PlantedTruth): Task[] {
  const tasks: Task[] = [];
  const mattersOfKind = new Map<string, MatterSpec[]>();
  for (const matter of MATTERS) for (const h of matter.holders) mattersOfKind.set(h.dept, [...(mattersOfKind.get(h.dept) ?? []), matter]);
  for (const dept of departments) {
    const key = dept.id.slice(dept.id.indexOf('-') + 1);
    const kind = KIND.get(key)!;
    const county = !dept.region.endsWith('00');
    for (const section of sectionsOf.get(dept.id)!) {
      if (rng.chance(0.015)) {
        truth.sectionsWithoutTask.push(section.id);
        continue;
      }
      const perSection = county ? SCALE.tasksPerCountySection : kind.weight === 0 ? SCALE.tasksPerPartySection : SCALE.tasksPerCitySection;
      const count = Math.max(1, Math.round(perSection * factor * (0.7 + rng.next() * 0.6)));
      const domain = section.name.replace(/(科|处|室|支队|大队|中心|站|部)$/, '');
      const wordings =
        section.name === '办公室' || section.name === '综合科'
          ? rng.shuffle(OFFICE_TASKS)
          : rng.shuffle(TASK_TEMPLATES).map((t) =>
              t
                .replace('{domain}', domain)
                .replace('{object}', kind.objects.length ? rng.pick(kind.objects) : '服务对象')
                .replace('{permit}', kind.permits.length ? rng.pick(kind.permits) : `${domain}事项`),
            );
      const matters = section.name === '办公室' ? [] : (mattersOfKind.get(key) ?? []);
      const names = [...new Set([...matters.slice(0, 1).map((m) => `负责${m.name}相关问题的处置和督办`), ...wordings])].slice(0, count);
      names.forEach((name, i) => {
        const task: Task = {
          id: `${section.id}-t${i + 1}`,
          section: section.id,
          name,
          flowchart: !rng.chance(0.012),
          norm: !rng.chance(0.01),
          ...(i === 0 && matters.length > 0 && name.includes(matters[0]!.name) ? { matters: [matterId(matters[0]!.key)] } : {}),
        };
        if (!task.flowchart || !task.norm) truth.tasksWithoutFlowchartOrNorm.push(task.id);
        tasks.push(task);
      });
    }
  }
  return tasks;
}

export function buildServiceItems(items: PowerItem[], factor: number, rng: Rng, truth: PlantedTruth): ServiceItem[] {
  const applicationTypes = new Set<PowerItemType>(['licensing', 'confirmation', 'benefit']);
  const candidates = rng.shuffle(items.filter((item) => applicationTypes.has(item.type)));
  const target = Math.round(SCALE.serviceItems * factor);
  const cityItems = candidates.filter((i) => i.level !== 'county');
  const services: ServiceItem[] = [];
  const variants = ['', '（新办）', '（变更）', '（延续）', '（注销）', '（补办）', '（迁移）'];
  for (let i = 0; services.length < target && i < candidates.length * variants.length; i++) {
    const item = candidates[i % candidates.length]!;
    const variant = variants[Math.floor(i / candidates.length)]!;
    const level = item.level === 'county' ? 'county' : 'city';
    const region = item.code.slice(0, 6);
    const code = `SV-${region}-${String(services.length + 1).padStart(5, '0')}`;
    const roll = rng.next();
    if (roll < 0.026) {
      services.push({ code, name: `${item.name}${variant}（一件事）`, level });
      truth.serviceItemsWithoutPowerItem.push(code);
    } else if (roll < 0.039 && level === 'county' && cityItems.length > 0) {
      services.push({ code, name: `${item.name}${variant}`, level, powerItem: rng.pick(cityItems).code });
      truth.serviceItemsAtWrongLevel.push(code);
    } else {
      services.push({ code, name: `${item.name}${variant}`, level, powerItem: item.code });
    }
  }
  return services;
}

export function buildBoundaryItems(
  regions: Region[],
  departmentOf: (region: string, key: string) => Department | undefined,
  sectionsOf: Map<string, Section[]>,
  factor: number,
  rng: Rng,
  truth: PlantedTruth,
): { boundaryItems: BoundaryItem[]; leads: Map<string, string> } {
  const items: BoundaryItem[] = [];
  const leads = new Map<string, string>();
  let batchSeq = 0;
  const per = (city: number, county: number, region: Region) => Math.max(1, Math.round((region.level === 'city' ? city : county) * Math.min(1, factor * 4)));
  for (const region of regions) {
    const present = (key: string) => departmentOf(region.code, key);
    for (const matter of MATTERS) {
      const holders = matter.holders.map((h) => present(h.dept)).filter((d): d is Department => d !== undefined);
      const contested = holders.length >= 2;
      if (contested && !matter.lead) {
        truth.overlaps.push({ region: region.code, matter: matterId(matter.key), departments: holders.map((d) => d.id) });
        continue;
      }
      const leadKind = matter.lead ?? (matter.weight >= 20 ? matter.holders[0]?.dept : undefined);
      const lead = leadKind ? present(leadKind) : undefined;
      if (!lead) continue;
      if (contested) leads.set(`${region.code}|${matterId(matter.key)}`, leadKind!);
      const cooperating = contested
        ? holders.filter((d) => d.id !== lead.id)
        : rng.shuffle(['cg', 'ga', 'zj', 'sc', 'st', 'jt'].map(present).filter((d): d is Department => !!d && d.id !== lead.id)).slice(0, rng.int(1, 2));
      const aspects = rng.shuffle(BOUNDARY_ASPECTS).slice(0, contested ? per(12, 8, region) : per(8, 5, region));
      for (const aspect of aspects) {
        const status = rng.chance(0.03) ? 'draft' : 'published';
        items.push({
          id: `${region.code}-b${String(items.length + 1).padStart(4, '0')}`,
          title: `${matter.name}${aspect}`,
          scope: 'department',
          region: region.code,
          text: `${matter.name}的${aspect}工作由${lead.name}牵头负责${cooperating.length ? `；${cooperating.map((d) => d.name).join('、')}按照各自职责配合` : ''}。`,
          lead: lead.id,
          ...(cooperating.length ? { cooperating: cooperating.map((d) => d.id) } : {}),
          matters: [matterId(matter.key)],
          status,
          batch: (batchSeq++ % 4) + 1,
        });
      }
    }
    // Section boundaries inside departments (科室间职责边界事项).
    for (const matter of MATTERS) {
      for (const holder of matter.holders) {
        const dept = present(holder.dept);
        const own = dept ? sectionsOf.get(dept.id)!.filter((s) => s.name !== '办公室') : [];
        if (!dept || own.length < 2 || !rng.chance(region.level === 'city' ? 0.9 : 0.5)) continue;
        const [a, b] = rng.shuffle(own);
        items.push({
          id: `${region.code}-b${String(items.length + 1).padStart(4, '0')}`,
          title: `${a!.name}与${b!.name}关于${matter.name}的职责分工`,
          scope: 'section',
          region: region.code,
          text: `${matter.name}相关工作由${a!.name}牵头，${b!.name}配合。`,
          lead: a!.id,
          cooperating: [b!.id],
          matters: [matterId(matter.key)],
          status: 'published',
          batch: 1,
        });
      }
    }
  }
  return { boundaryItems: items, leads };
}

export function buildVolumes(items: PowerItem[], rng: Rng): Volume[] {
  const volumes: Volume[] = [];
  const base: Record<PowerItemType, number> = {
    licensing: 260,
    confirmation: 320,
    benefit: 420,
    penalty: 18,
    inspection: 60,
    coercion: 4,
    levy: 80,
    reward: 3,
    adjudication: 5,
    other: 10,
  };
  for (const item of items) {
    if (!item.sections || item.sections.length !== 1) continue;
    const scale = item.level === 'county' ? 0.4 : 1;
    for (const year of SCALE.years) {
      const received = Math.round(base[item.type] * scale * Math.exp((rng.next() - 0.5) * 1.6));
      volumes.push({ powerItem: item.code, section: item.sections[0]!, year, received, completed: Math.round(received * (0.95 + rng.next() * 0.05)) });
    }
  }
  return volumes;
}

/**
 * The brief's staffing case: in the Administrative Approval Services Bureau's 4-post 市场准入科,
 * foreign-invested enterprise registration is one third of the workload every year, so moving
 * it to the Market Supervision Bureau moves one post.
 */
export function plantForeignInvestmentCase(
  items: PowerItem[],
  volumes: Volume[],
  sections: Section[],
  sp: Department,
  sc: Department,
  truth: PlantedTruth,
): void {
  const section = sections.find((s) => s.department === sp.id && s.name === '市场准入科')!;
  const inSection = items.filter((i) => i.department === sp.id && i.sections?.[0] === section.id);
  const foreign = inSection.find((i) => i.matters?.includes(matterId('foreign-enterprise')))!;
  const others = inSection.filter((i) => i !== foreign);
  for (const volume of volumes) {
    if (volume.section !== section.id) continue;
    const yearFactor = 1 + (volume.year - 2021) * 0.08;
    const share = volume.powerItem === foreign.code ? 1200 : Math.round(2400 / others.length);
    volume.received = Math.round(share * yearFactor);
    volume.completed = Math.round(volume.received * 0.99);
  }
  // Rounding must not shift the share: give the remainder to the last other item.
  for (const year of SCALE.years) {
    const ofYear = volumes.filter((v) => v.section === section.id && v.year === year);
    const foreignVolume = ofYear.find((v) => v.powerItem === foreign.code)!;
    const rest = ofYear.filter((v) => v !== foreignVolume);
    const restSum = rest.reduce((sum, v) => sum + v.received, 0);
    rest[rest.length - 1]!.received += foreignVolume.received * 2 - restSum;
  }
  truth.cases.foreignInvestment = { item: foreign.code, section: section.id, department: sp.id, to: sc.id, share: 1 / 3, posts: section.posts, postsToMove: 1 };
}
