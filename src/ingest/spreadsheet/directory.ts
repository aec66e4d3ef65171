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

/** Prefixes a city's own bodies carry in its lists besides the region's name ("市农业农村局", "地州市农业农村局"). */
const GENERIC_PREFIXES = ['地州市', '市'];

/**
 * A body's name as lists vary it, reduced to what stays the same: no blanks, no parenthetical,
 * no 中共, no region prefix (the region's own name, 地州市, 市). "克拉玛依市委宣传部" and
 * "市委宣传部（新闻出版局）" both become "委宣传部".
 */
function bodyCore(name: string, regionNames: readonly string[]): string {
  let core = name
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/^中共/, '');
  const region = regionNames.find((r) => core.startsWith(r) && core.length > r.length);
  if (region) core = core.slice(region.length);
  const generic = GENERIC_PREFIXES.find((prefix) => core.startsWith(prefix) && core.length > prefix.length + 1);
  return generic ? core.slice(generic.length) : core;
}

/**
 * The names a cell may mean, best first: a body named in a "（…承办）" parenthetical does the
 * work ("克拉玛依市人民政府（克拉玛依市自然资源局承办）"), then the name outside, then any other
 * name in parentheses ("市委办公室（市档案局）").
 */
function namedBodies(text: string): string[] {
  const inner = [...text.matchAll(/[（(]([^）)]*)[）)]/g)].map((m) => m[1]!);
  const split = (part: string) =>
    part
      .replace(/(承办|牵头|负责)$/, '')
      .split(/[、，,]/)
      .map((n) => n.trim())
      .filter(Boolean);
  const doing = inner.filter((part) => /承办|牵头/.test(part)).flatMap(split);
  const others = inner.filter((part) => !/承办|牵头/.test(part)).flatMap(split);
  return [...doing, text.replace(/[（(][^）)]*[）)]/g, ''), ...others];
}

export class NameDirectory {
  private readonly departmentIds: Map<string, Set<string>>;
  private readonly departmentNames: Map<string, Set<string>>;
  private readonly departmentAliases: Map<string, Set<string>>;
  private readonly departmentCores: Map<string, Set<string>>;
  private readonly regionNames: string[];
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
    this.regionNames = entries.regions.map((r) => r.name).sort((a, b) => b.length - a.length);
    this.departmentCores = index(
      entries.departments,
      (d) => [d.name, ...(d.aliases ?? [])].map((name) => bodyCore(name, this.regionNames)),
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

  /**
   * A department by id, full name or alias; else by the names a list's cell may mean, each
   * without its region prefix and parentheticals (see bodyCore). Ambiguous is an error.
   */
  department(text: string): Lookup {
    const exact = resolve('department', text, this.departmentIds, this.departmentNames, this.departmentAliases);
    if (exact.id) return exact;
    for (const name of namedBodies(text)) {
      const found = resolve('department', bodyCore(name, this.regionNames), this.departmentCores);
      if (found.id) return found;
      if (found.error?.includes('ambiguous')) return { error: `department "${text}" is ambiguous: ${found.error.split(': ').pop()}` };
    }
    return exact;
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
