import type { PowerItemType } from '../model/records.js';

/** What staffing reads from the graph (cypher/staffing.cypher). */
export interface StaffingSnapshot {
  departments: { id: string; name: string; region: string }[];
  sections: { id: string; name: string; department: string; posts: number; staffed: number | null }[];
  /** Power items with the sections implementing them. */
  items: { code: string; name: string; type: PowerItemType; department: string; sections: string[] }[];
  volumes: { powerItem: string; section: string; year: number; received: number; completed: number }[];
}
