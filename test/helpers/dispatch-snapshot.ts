import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DispatchSnapshot } from '../../src/dispatch/snapshot.js';
import type { BoundaryItem, Department, Matter, PowerItem, Region, Section, Task } from '../../src/model/records.js';

const read = <T>(folder: string, file: string): T[] => JSON.parse(readFileSync(join(folder, `${file}.json`), 'utf8')) as T[];

/** The dispatch snapshot of a JSON bundle folder (what the graph loader gives after an import). */
export function snapshotOfBundle(folder: string): DispatchSnapshot {
  const sections = read<Section>(folder, 'sections');
  const departmentOf = new Map(sections.map((s) => [s.id, s.department]));
  const party = (id: string) => departmentOf.get(id) ?? id;
  return {
    regions: read<Region>(folder, 'regions').map((r) => ({ code: r.code, name: r.name, parent: r.parent })),
    departments: read<Department>(folder, 'departments').map((d) => ({
      id: d.id,
      name: d.name,
      region: d.region,
      aliases: d.aliases ?? [],
      coordinator: d.coordinator ?? false,
    })),
    matters: read<Matter>(folder, 'matters').map((m) => ({ id: m.id, name: m.name, keywords: m.keywords ?? [], parent: m.parent })),
    powerItems: read<PowerItem>(folder, 'powerItems').map((p) => ({
      code: p.code,
      name: p.name,
      type: p.type,
      department: p.department,
      matters: p.matters ?? [],
      correspondsTo: p.correspondsTo,
    })),
    tasks: read<Task>(folder, 'tasks').map((t) => ({ id: t.id, name: t.name, department: party(t.section), matters: t.matters ?? [] })),
    boundaryItems: read<BoundaryItem>(folder, 'boundaryItems').map((b) => ({
      id: b.id,
      title: b.title,
      text: b.text,
      status: b.status ?? 'published',
      scope: b.scope,
      region: b.region,
      lead: party(b.lead),
      cooperating: (b.cooperating ?? []).map(party),
      matters: b.matters,
    })),
  };
}
