import type { AnalysisSnapshot } from './snapshot.js';

type Volume = AnalysisSnapshot['complaintVolumes'][number];

/** Complaint counts by district and matter, and routing outcomes by department. */
export class ComplaintStats {
  private readonly volumes = new Map<string, Volume>();
  private readonly routing = new Map<string, Map<string, { taken: number; refused: number }>>();
  /** The usual share of complaints that bounce: the median over district-matter groups. */
  readonly baselineBounceRate: number;

  constructor(snapshot: AnalysisSnapshot) {
    for (const v of snapshot.complaintVolumes) this.volumes.set(`${v.region}|${v.matter}`, v);
    for (const r of snapshot.routing) {
      const key = `${r.region}|${r.matter}`;
      if (!this.routing.has(key)) this.routing.set(key, new Map());
      this.routing.get(key)!.set(r.department, { taken: r.taken, refused: r.refused });
    }
    const rates = snapshot.complaintVolumes
      .filter((v) => v.complaints >= 2)
      .map((v) => v.bounced / v.complaints)
      .sort((a, b) => a - b);
    this.baselineBounceRate = rates.length > 0 ? rates[Math.floor(rates.length / 2)]! : 0;
  }

  volume(region: string, matter: string): Volume {
    return this.volumes.get(`${region}|${matter}`) ?? { region, matter, complaints: 0, bounced: 0, refusedByAll: 0, bouncedSample: [], refusedSample: [] };
  }

  /** Every district-matter group with complaints. */
  groups(): Volume[] {
    return [...this.volumes.values()];
  }

  /** department -> complaints it took and turned away, on the matter in the district. */
  outcomes(region: string, matter: string): Map<string, { taken: number; refused: number }> {
    return this.routing.get(`${region}|${matter}`) ?? new Map();
  }
}
