import type { z } from 'zod';
import {
  boundaryItemSchema,
  complaintSchema,
  departmentSchema,
  matterSchema,
  powerItemSchema,
  regionSchema,
  sectionSchema,
  serviceItemSchema,
  taskSchema,
  volumeSchema,
  type BoundaryItem,
  type Complaint,
  type Department,
  type Matter,
  type PowerItem,
  type Region,
  type Section,
  type ServiceItem,
  type Task,
  type Volume,
} from './records.js';

/**
 * The registry of record kinds: everything the code knows about a kind of record, in one entry.
 * Import planning and writing, validation and references, canonical form, export, editor
 * mutations and the API's enums all read it. Adding a kind is one entry here, its zod schema in
 * records.ts and its named Cypher (the queries an entry names, checked at start-up).
 */

export interface RecordTypes {
  regions: Region;
  departments: Department;
  sections: Section;
  matters: Matter;
  powerItems: PowerItem;
  serviceItems: ServiceItem;
  tasks: Task;
  boundaryItems: BoundaryItem;
  complaints: Complaint;
  volumes: Volume;
}
export type RecordFile = keyof RecordTypes;

/** A reference a record makes to a record of another (or its own) kind, with the field that makes it. */
export interface Reference {
  field: string;
  kind: RecordFile;
  id: string;
}

export interface RecordKind<F extends RecordFile> {
  /** The bundle file and the API's RecordKind value. */
  file: F;
  /** The node label (volumes are VOLUME relationships between a power item and a section). */
  label: string;
  /** What messages call one record. */
  noun: string;
  /** The field holding the key in a raw record; undefined for a composite key (volumes). */
  keyField: (keyof RecordTypes[F] & string) | undefined;
  schema: z.ZodType<RecordTypes[F], unknown>;
  /** Fields stored on the node (for volumes, the relationship); the others become relationships. */
  nodeFields: readonly string[];
  /** Relationship fields that are lists: absent means empty, so the writer's Cypher can UNWIND them. */
  listLinks: readonly string[];
  /** List fields whose order means nothing (the graph keeps them as relationships): sorted in canonical form. */
  setFields: readonly string[];
  /** Records of this kind refer to records of the same kind (parents, mirrors): nodes first, links second. */
  selfReferencing: boolean;
  /** A record can be deleted alone: nothing else in the lists hangs on it. */
  deletable: boolean;
  references(record: RecordTypes[F]): Reference[];
  /** Named queries (cypher/import.cypher, cypher/export.cypher) that write and read the kind. */
  queries: { upsert: string; create?: string; createLinked?: string; link?: string; export: string };
}

const one = (field: string, kind: RecordFile, id: string | undefined): Reference[] => (id === undefined ? [] : [{ field, kind, id }]);
const each = (field: string, kind: RecordFile, ids: readonly string[] | undefined): Reference[] =>
  (ids ?? []).map((id, index) => ({ field: `${field}.${index}`, kind, id }));

/** The queries of a kind stored as nodes, by the naming convention of cypher/import.cypher. */
const nodeQueries = (name: string) => ({ upsert: `upsert${name}`, create: `create${name}`, link: `link${name}`, export: `export${name}` });

/** Every kind, in dependency order: a record may refer to records of earlier kinds (and of its own). */
const RECORD_KINDS: { readonly [F in RecordFile]: RecordKind<F> } = {
  regions: {
    file: 'regions',
    label: 'Region',
    noun: 'region',
    keyField: 'code',
    schema: regionSchema,
    nodeFields: ['code', 'name', 'level'],
    listLinks: [],
    setFields: [],
    selfReferencing: true,
    deletable: false,
    references: (r) => one('parent', 'regions', r.parent),
    queries: nodeQueries('Regions'),
  },
  departments: {
    file: 'departments',
    label: 'Department',
    noun: 'department',
    keyField: 'id',
    schema: departmentSchema,
    nodeFields: ['id', 'name', 'kind', 'aliases', 'coordinator'],
    listLinks: [],
    setFields: [],
    selfReferencing: false,
    deletable: false,
    references: (d) => one('region', 'regions', d.region),
    queries: nodeQueries('Departments'),
  },
  sections: {
    file: 'sections',
    label: 'Section',
    noun: 'section',
    keyField: 'id',
    schema: sectionSchema,
    nodeFields: ['id', 'name', 'posts', 'staffed'],
    listLinks: [],
    setFields: [],
    selfReferencing: false,
    deletable: false,
    references: (s) => one('department', 'departments', s.department),
    queries: nodeQueries('Sections'),
  },
  matters: {
    file: 'matters',
    label: 'Matter',
    noun: 'matter',
    keyField: 'id',
    schema: matterSchema,
    nodeFields: ['id', 'name', 'keywords'],
    listLinks: [],
    setFields: [],
    selfReferencing: true,
    deletable: false,
    references: (m) => one('parent', 'matters', m.parent),
    queries: nodeQueries('Matters'),
  },
  powerItems: {
    file: 'powerItems',
    label: 'PowerItem',
    noun: 'power item',
    keyField: 'code',
    schema: powerItemSchema,
    nodeFields: ['code', 'name', 'type', 'level', 'description'],
    listLinks: ['sections', 'matters', 'legalBasis', 'supervision'],
    setFields: ['sections', 'matters', 'legalBasis'],
    selfReferencing: true,
    deletable: true,
    references: (p) => [
      ...one('department', 'departments', p.department),
      ...each('sections', 'sections', p.sections),
      ...each('matters', 'matters', p.matters),
      ...one('correspondsTo', 'powerItems', p.correspondsTo),
    ],
    queries: nodeQueries('PowerItems'),
  },
  serviceItems: {
    file: 'serviceItems',
    label: 'ServiceItem',
    noun: 'service item',
    keyField: 'code',
    schema: serviceItemSchema,
    nodeFields: ['code', 'name', 'level'],
    listLinks: [],
    setFields: [],
    selfReferencing: false,
    deletable: true,
    references: (s) => one('powerItem', 'powerItems', s.powerItem),
    queries: nodeQueries('ServiceItems'),
  },
  tasks: {
    file: 'tasks',
    label: 'Task',
    noun: 'task',
    keyField: 'id',
    schema: taskSchema,
    nodeFields: ['id', 'name', 'flowchart', 'norm'],
    listLinks: ['matters'],
    setFields: ['matters'],
    selfReferencing: false,
    deletable: true,
    references: (t) => [...one('section', 'sections', t.section), ...each('matters', 'matters', t.matters)],
    queries: nodeQueries('Tasks'),
  },
  boundaryItems: {
    file: 'boundaryItems',
    label: 'BoundaryItem',
    noun: 'boundary item',
    keyField: 'id',
    schema: boundaryItemSchema,
    nodeFields: ['id', 'title', 'text', 'scope', 'status', 'batch', 'publishedAt'],
    listLinks: ['cooperating', 'matters'],
    setFields: ['cooperating', 'matters'],
    selfReferencing: false,
    deletable: true,
    references: (b) => {
      const party: RecordFile = b.scope === 'section' ? 'sections' : 'departments';
      return [
        ...one('region', 'regions', b.region),
        ...one('lead', party, b.lead),
        ...each('cooperating', party, b.cooperating),
        ...each('matters', 'matters', b.matters),
      ];
    },
    queries: nodeQueries('BoundaryItems'),
  },
  complaints: {
    file: 'complaints',
    label: 'Complaint',
    noun: 'complaint',
    keyField: 'id',
    schema: complaintSchema,
    nodeFields: ['id', 'text', 'receivedAt', 'satisfied', 'dueAt', 'closedAt', 'rating'],
    listLinks: ['routes'],
    setFields: [],
    selfReferencing: false,
    deletable: true,
    references: (c) => [
      ...one('district', 'regions', c.district),
      ...one('matter', 'matters', c.matter),
      ...(c.routes ?? []).map((route, index) => ({ field: `routes.${index}.department`, kind: 'departments' as const, id: route.department })),
    ],
    // New complaints are created with their relationships in one statement: the hot path of a large import.
    queries: { ...nodeQueries('Complaints'), createLinked: 'createComplaintsLinked' },
  },
  volumes: {
    file: 'volumes',
    label: 'VOLUME',
    noun: 'volume',
    keyField: undefined,
    schema: volumeSchema,
    nodeFields: ['year', 'received', 'completed'],
    listLinks: [],
    setFields: [],
    selfReferencing: false,
    deletable: false,
    references: (v) => [...one('powerItem', 'powerItems', v.powerItem), ...one('section', 'sections', v.section)],
    queries: { upsert: 'upsertVolumes', export: 'exportVolumes' },
  },
};

/** The bundle's record files, in dependency order; import and export walk this list. */
export const RECORD_FILES = Object.keys(RECORD_KINDS) as RecordFile[];

/** The kind of a bundle file. */
export function kindOf<F extends RecordFile>(file: F): RecordKind<F> {
  return RECORD_KINDS[file] as RecordKind<F>;
}

/** True when `name` is a record kind (a bundle file name). */
export function isRecordFile(name: string): name is RecordFile {
  return Object.hasOwn(RECORD_KINDS, name);
}

/** The key of a yearly volume: one per item, section and year. */
function volumeKey(powerItem: string, section: string, year: number): string {
  return `${powerItem}|${section}|${year}`;
}

/** The identity of a record within its file: its key field; for volumes, item + section + year. */
export function recordKey<F extends RecordFile>(file: F, record: RecordTypes[F]): string {
  const field = kindOf(file).keyField;
  if (field !== undefined) return String(record[field]);
  const volume = record as Volume;
  return volumeKey(volume.powerItem, volume.section ?? '', volume.year);
}

/** Every reference a record makes to another record, with the field that makes it. */
export function referencesOf<F extends RecordFile>(file: F, record: RecordTypes[F]): Reference[] {
  return kindOf(file).references(record);
}
