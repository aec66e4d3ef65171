import type { PowerItemType } from '../model/records.js';

/**
 * What the boundary analysis reads from the graph (cypher/analysis.cypher), already aggregated:
 * rows grow with the lists, complaints arrive as counts per district, matter and department.
 */
export interface AnalysisSnapshot {
  regions: { code: string; name: string; level: string; parent: string | null }[];
  departments: { id: string; name: string; region: string; coordinator: boolean }[];
  /** Induced matters (analysis/induce-matters.ts) carry their anchoring words. */
  matters: { id: string; name: string; parent: string | null; induced?: boolean; words?: string[] | null }[];
  powerItems: {
    code: string;
    name: string;
    type: PowerItemType;
    level: string | null;
    department: string;
    correspondsTo: string | null;
    matters: string[];
    sections: number;
    /** How many legal bases the item cites. */
    bases: number;
    /** Titles of the cited bases that are repealed. */
    repealedBases: string[];
    serviceItems: number;
  }[];
  sections: { id: string; name: string; department: string; tasks: number }[];
  tasks: { id: string; name: string; section: string; department: string; flowchart: boolean; norm: boolean; matters: string[] }[];
  serviceItems: { code: string; name: string; level: string; powerItems: string[] }[];
  boundaryItems: { id: string; title: string; status: string; region: string | null; lead: string | null; cooperating: string[]; matters: string[] }[];
  complaintVolumes: {
    region: string;
    matter: string;
    complaints: number;
    bounced: number;
    refusedByAll: number;
    bouncedSample: string[];
    refusedSample: string[];
  }[];
  routing: { region: string; matter: string; department: string; taken: number; refused: number }[];
  refusalPairs: { matter: string; refuser: string; next: string; complaints: number }[];
  coHandled: { a: string; b: string; complaints: number }[];
}
