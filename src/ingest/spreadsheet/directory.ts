/**
 * Finds ids by the names real lists use: a department by id, full name or alias; a section by
 * name within its department; a region by code or name; a matter by id or name. Built from the
 * graph and the bundle being imported. Ambiguous names are errors, never guesses.
 */

export type Lookup = { id: string; error?: undefined } | { id?: undefined; error: string };

export interface DirectoryEntries {
  departments: { id: string; name: string; aliases?: string[] | null }[];
  sections: { id: string; department: string; name: string }[];
  regions: { code: string; name: string }[];
  matters: { id: string; name: string }[];
}

function index<T>(items: T[], keys: (item: T) => (string | undefined | null)[], id: (item: T) => string): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const item of items) {
    for (const key of keys(item)) {
      if (!key) continue;
      if (!map.has(key)) map.set(key, new Set());
      map.get(key)!.add(id(item));
    }
  }
  return map;
}

function resolve(what: string, text: string, ...maps: Map<string, Set<string>>[]): Lookup {
  for (const map of maps) {
    const ids = map.get(text);
    if (!ids) continue;
    if (ids.size === 1) return { id: [...ids][0]! };
    return { error: `${what} "${text}" is ambiguous: ${[...ids].sort().join(', ')}; use the full name or the id` };
  }
  return { error: `no ${what} "${text}" in the bundle or the graph` };
}

export class NameDirectory {
  private readonly departmentIds: Map<string, Set<string>>;
  private readonly departmentNames: Map<string, Set<string>>;
  private readonly departmentAliases: Map<string, Set<string>>;
  private readonly sectionsByDepartment: Map<string, Set<string>>;
  private readonly sectionIds: Set<string>;
  private readonly regionKeys: Map<string, Set<string>>;
  private readonly matterKeys: Map<string, Set<string>>;

  constructor(entries: DirectoryEntries) {
    this.departmentIds = index(
      entries.departments,
      (d) => [d.id],
      (d) => d.id,
    );
    this.departmentNames = index(
      entries.departments,
      (d) => [d.name, d.name.replace(/^中共/, '')],
      (d) => d.id,
    );
    this.departmentAliases = index(
      entries.departments,
      (d) => d.aliases ?? [],
      (d) => d.id,
    );
    this.sectionsByDepartment = index(
      entries.sections,
      (s) => [`${s.department}|${s.name}`],
      (s) => s.id,
    );
    this.sectionIds = new Set(entries.sections.map((s) => s.id));
    this.regionKeys = index(
      entries.regions,
      (r) => [r.code, r.name],
      (r) => r.code,
    );
    this.matterKeys = index(
      entries.matters,
      (m) => [m.id, m.name],
      (m) => m.id,
    );
  }

  department(text: string): Lookup {
    return resolve('department', text, this.departmentIds, this.departmentNames, this.departmentAliases);
  }

  section(department: string, text: string): Lookup {
    if (this.sectionIds.has(text)) return { id: text };
    const found = resolve('section', `${department}|${text}`, this.sectionsByDepartment);
    return found.error ? { error: `no section "${text}" in department ${department}` } : found;
  }

  region(text: string): Lookup {
    return resolve('region', text, this.regionKeys);
  }

  matter(text: string): Lookup {
    return resolve('matter', text, this.matterKeys);
  }
}
