import { RECORD_FILES, volumeKey, type RecordFile, type RecordTypes } from '../model/bundle.js';
import type { Located, LocatedBundle } from './validate-records.js';

/** The node labels a record may refer to. */
export const REFERENCE_LABELS = ['Region', 'Department', 'Section', 'Matter', 'PowerItem'] as const;
export type Label = (typeof REFERENCE_LABELS)[number];
export type KeySets = Record<Label, Set<string>>;

interface Reference {
  field: string;
  label: Label;
  id: string;
}

const DEFINES: Partial<Record<RecordFile, Label>> = {
  regions: 'Region',
  departments: 'Department',
  sections: 'Section',
  matters: 'Matter',
  powerItems: 'PowerItem',
};

const each = (field: string, label: Label, ids: readonly string[] | undefined): Reference[] =>
  (ids ?? []).map((id, index) => ({ field: `${field}.${index}`, label, id }));
const one = (field: string, label: Label, id: string | undefined): Reference[] => (id === undefined ? [] : [{ field, label, id }]);

/** Every reference a record makes to another record, with the field that makes it. */
export function referencesOf<F extends RecordFile>(file: F, record: RecordTypes[F]): Reference[] {
  const r = record as RecordTypes[RecordFile];
  switch (file) {
    case 'regions':
      return one('parent', 'Region', (r as RecordTypes['regions']).parent);
    case 'departments':
      return one('region', 'Region', (r as RecordTypes['departments']).region);
    case 'sections':
      return one('department', 'Department', (r as RecordTypes['sections']).department);
    case 'matters':
      return one('parent', 'Matter', (r as RecordTypes['matters']).parent);
    case 'powerItems': {
      const item = r as RecordTypes['powerItems'];
      return [
        ...one('department', 'Department', item.department),
        ...each('sections', 'Section', item.sections),
        ...each('matters', 'Matter', item.matters),
        ...one('correspondsTo', 'PowerItem', item.correspondsTo),
      ];
    }
    case 'serviceItems':
      return one('powerItem', 'PowerItem', (r as RecordTypes['serviceItems']).powerItem);
    case 'tasks': {
      const task = r as RecordTypes['tasks'];
      return [...one('section', 'Section', task.section), ...each('matters', 'Matter', task.matters)];
    }
    case 'boundaryItems': {
      const item = r as RecordTypes['boundaryItems'];
      const party: Label = item.scope === 'section' ? 'Section' : 'Department';
      return [
        ...one('region', 'Region', item.region),
        ...one('lead', party, item.lead),
        ...each('cooperating', party, item.cooperating),
        ...each('matters', 'Matter', item.matters),
      ];
    }
    case 'complaints': {
      const complaint = r as RecordTypes['complaints'];
      return [
        ...one('district', 'Region', complaint.district),
        ...one('matter', 'Matter', complaint.matter),
        ...(complaint.routes ?? []).map((route, index) => ({ field: `routes.${index}.department`, label: 'Department' as const, id: route.department })),
      ];
    }
    case 'volumes': {
      const volume = r as RecordTypes['volumes'];
      return [...one('powerItem', 'PowerItem', volume.powerItem), ...one('section', 'Section', volume.section)];
    }
  }
  return [];
}

function emptyKeySets(): KeySets {
  return Object.fromEntries(REFERENCE_LABELS.map((label) => [label, new Set<string>()])) as KeySets;
}

/** The keys each referable file of the bundle defines. */
export function definedKeys(bundle: LocatedBundle): KeySets {
  const keys = emptyKeySets();
  for (const [file, label] of Object.entries(DEFINES) as [RecordFile, Label][]) {
    for (const { record } of bundle[file]) {
      keys[label].add('code' in record ? (record as { code: string }).code : (record as { id: string }).id);
    }
  }
  return keys;
}

/** What the bundle refers to but does not define: to be looked up in the graph. */
export function externalReferences(bundle: LocatedBundle): Record<Label, string[]> {
  const defined = definedKeys(bundle);
  const wanted = emptyKeySets();
  for (const file of RECORD_FILES) {
    for (const { record } of bundle[file] as Located<RecordTypes[RecordFile]>[]) {
      for (const ref of referencesOf(file, record)) if (!defined[ref.label].has(ref.id)) wanted[ref.label].add(ref.id);
    }
  }
  return Object.fromEntries(REFERENCE_LABELS.map((label) => [label, [...wanted[label]]])) as Record<Label, string[]>;
}

const LABEL_WORDS: Record<Label, string> = {
  Region: 'region',
  Department: 'department',
  Section: 'section',
  Matter: 'matter',
  PowerItem: 'power item',
};

/**
 * Reports every reference that resolves neither in the bundle nor in the graph, and returns the
 * locations of the records that make them.
 */
export function checkReferences(bundle: LocatedBundle, inGraph: KeySets): { errors: string[]; bad: Set<string> } {
  const defined = definedKeys(bundle);
  const errors: string[] = [];
  const bad = new Set<string>();
  for (const file of RECORD_FILES) {
    for (const { where, record } of bundle[file] as Located<RecordTypes[RecordFile]>[]) {
      for (const ref of referencesOf(file, record)) {
        if (defined[ref.label].has(ref.id) || inGraph[ref.label].has(ref.id)) continue;
        errors.push(`${where}: ${ref.field}: ${LABEL_WORDS[ref.label]} ${ref.id} is neither in the bundle nor in the graph`);
        bad.add(where);
      }
    }
  }
  return { errors, bad };
}

/** Power items whose sections must come from the graph to fill in a volume's default section. */
export function itemsNeedingSections(bundle: LocatedBundle): string[] {
  const inBundle = new Set(bundle.powerItems.map(({ record }) => record.code));
  return [...new Set(bundle.volumes.filter(({ record }) => !record.section && !inBundle.has(record.powerItem)).map(({ record }) => record.powerItem))];
}

/**
 * Fills in each volume's section when it is omitted: the item's only section. An item with no
 * section or several is an error, as is a second volume for the same item, section and year.
 */
export function resolveVolumeSections(bundle: LocatedBundle, graphSections: Map<string, string[]>): { errors: string[]; bad: Set<string> } {
  const bundleSections = new Map(bundle.powerItems.map(({ record }) => [record.code, record.sections ?? []]));
  const errors: string[] = [];
  const bad = new Set<string>();
  const seen = new Map<string, string>();
  for (const entry of bundle.volumes) {
    const volume = entry.record;
    if (!volume.section) {
      const sections = bundleSections.get(volume.powerItem) ?? graphSections.get(volume.powerItem) ?? [];
      if (sections.length !== 1) {
        errors.push(`${entry.where}: section: is required because power item ${volume.powerItem} has ${sections.length} sections, not exactly one`);
        bad.add(entry.where);
        continue;
      }
      entry.record = { ...volume, section: sections[0]! };
    }
    const key = volumeKey(entry.record.powerItem, entry.record.section!, entry.record.year);
    const earlier = seen.get(key);
    if (earlier) {
      errors.push(`${entry.where}: duplicate of the volume at ${earlier} (same item, section and year)`);
      bad.add(entry.where);
    } else {
      seen.set(key, entry.where);
    }
  }
  return { errors, bad };
}
