import type { z } from 'zod';
import {
  boundaryItemSchema, complaintSchema, departmentSchema, matterSchema, powerItemSchema, regionSchema, sectionSchema,
  serviceItemSchema, taskSchema, volumeSchema,
  type BoundaryItem, type Complaint, type Department, type Manifest, type Matter, type PowerItem, type Region,
  type Section, type ServiceItem, type Task, type Volume,
} from './records.js';

/**
 * The files of a bundle, in dependency order: a record may refer to records of earlier files
 * (and, through parents and mirrors, of its own file). Import and export walk this list.
 */
export const RECORD_FILES = [
  'regions', 'departments', 'sections', 'matters', 'powerItems', 'serviceItems', 'tasks', 'boundaryItems', 'complaints', 'volumes',
] as const;
export type RecordFile = (typeof RECORD_FILES)[number];

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

export const RECORD_SCHEMAS: { [F in RecordFile]: z.ZodType<RecordTypes[F], unknown> } = {
  regions: regionSchema,
  departments: departmentSchema,
  sections: sectionSchema,
  matters: matterSchema,
  powerItems: powerItemSchema,
  serviceItems: serviceItemSchema,
  tasks: taskSchema,
  boundaryItems: boundaryItemSchema,
  complaints: complaintSchema,
  volumes: volumeSchema,
};

/** A whole bundle in memory: the manifest and one array per file (empty when the file is absent). */
export type Bundle = { manifest?: Manifest } & { [F in RecordFile]: RecordTypes[F][] };

/** An empty bundle, to fill. */
export function emptyBundle(): Bundle {
  return Object.fromEntries(RECORD_FILES.map((file) => [file, []])) as unknown as Bundle;
}

/** The identity of a record within its file: its id or code; for volumes, item + section + year. */
export function recordKey<F extends RecordFile>(file: F, record: RecordTypes[F]): string {
  switch (file) {
    case 'regions':
      return (record as Region).code;
    case 'powerItems':
    case 'serviceItems':
      return (record as PowerItem | ServiceItem).code;
    case 'volumes': {
      const volume = record as Volume;
      return volumeKey(volume.powerItem, volume.section ?? '', volume.year);
    }
    default:
      return (record as { id: string }).id;
  }
}

/** The key of a yearly volume: one per item, section and year. */
export function volumeKey(powerItem: string, section: string, year: number): string {
  return `${powerItem}|${section}|${year}`;
}
