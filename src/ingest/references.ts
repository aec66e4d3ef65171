import type { RecordFile, RecordTypes } from '../model/bundle.js';

/** The node labels a record may refer to. */
export const REFERENCE_LABELS = ['Region', 'Department', 'Section', 'Matter', 'PowerItem'] as const;
export type Label = (typeof REFERENCE_LABELS)[number];
export type KeySets = Record<Label, Set<string>>;

export interface Reference {
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

/** Empty key sets, one per label. */
export function emptyKeySets(): KeySets {
  return Object.fromEntries(REFERENCE_LABELS.map((label) => [label, new Set<string>()])) as KeySets;
}

/** The label whose keys a file defines, for the files other records may refer to. */
export const LABEL_OF_FILE: Partial<Record<RecordFile, Label>> = DEFINES;

export const LABEL_WORDS: Record<Label, string> = {
  Region: 'region',
  Department: 'department',
  Section: 'section',
  Matter: 'matter',
  PowerItem: 'power item',
};
