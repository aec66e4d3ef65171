import type { PowerItemType } from '../model/records.js';
import type { PastTicket } from './history-model.js';

/**
 * What the dispatch engine knows: the lists as they stand, read from the graph (or a bundle),
 * and what happened to the complaints routed so far. Section-scope boundary items arrive with
 * their sections mapped to departments; they divide work inside a department and never decide
 * between departments.
 */
export interface DispatchSnapshot {
  regions: { code: string; name: string; parent?: string | undefined }[];
  departments: { id: string; name: string; region: string; aliases: string[]; coordinator: boolean }[];
  /** A matter with children is a category: its words go to its children, which alone are ranked. */
  matters: { id: string; name: string; keywords: string[]; parent?: string | undefined }[];
  powerItems: {
    code: string;
    name: string;
    type: PowerItemType;
    department: string;
    matters: string[];
    correspondsTo?: string | undefined;
    /** Titles of its legal bases: more of the list's words for what the item is about. */
    bases?: string[];
  }[];
  tasks: { id: string; name: string; department: string; matters: string[] }[];
  boundaryItems: {
    id: string;
    title: string;
    text?: string | undefined;
    status: string;
    scope: 'department' | 'section';
    region?: string | undefined;
    lead: string;
    cooperating: string[];
    matters: string[];
  }[];
  /** Routing outcomes so far, counted per matter (of the complaint) and department. Optional. */
  routings?: RoutingTally[];
  /** Past complaints with their texts and routes, oldest first, for the text model. Optional. */
  tickets?: PastTicket[];
}

export interface RoutingTally {
  matter: string;
  department: string;
  accepted: number;
  resolved: number;
  refused: number;
  returned: number;
}
