import type { Complaint, Route } from '../../src/model/records.js';
import type { CityStructure } from './build-structure.js';
import { MATTERS, SAY_OPENINGS, SAY_SLOTS, type MatterSpec, matterId } from './catalog-matters.js';
import { placeIn, plate } from './names.js';
import type { Rng } from './rng.js';

/**
 * Hotline complaints of a generated city, with the department each truly belongs to. Most are
 * resolved by their owner at once; some bounce through departments that refuse them first
 * (more on contested matters without a boundary item); complaints on orphan matters are refused
 * by everyone they reach.
 */

export interface ComplaintTruth {
  id: string;
  /** The owning department, or null when nobody owns the matter. */
  department: string | null;
  matter: string;
  district: string;
  bounced: boolean;
}

const REFUSALS = ['职能不符', '职能交叉', '属地不符', '权属不清'];
/** Departments a misrouted complaint plausibly reaches first. */
const USUAL_SUSPECTS = ['cg', 'zj', 'ga', 'sc', 'st', 'jt', 'rs'];
const START = Date.UTC(2021, 0, 1) - 8 * 3600_000;
const SPAN_MS = Date.UTC(2024, 0, 1) - Date.UTC(2021, 0, 1);
/** A hotline's usual time limit: five days from receipt. */
const DUE_MS = 5 * 24 * 3600_000;

/** An ISO date-time in China Standard Time, as hotline systems write it. */
function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

function say(matter: MatterSpec, districtName: string, rng: Rng): string {
  const template = rng.pick(matter.says);
  const text = template
    .replace(/\{place\}/g, () => placeIn(districtName, rng))
    .replace(/\{plate\}/g, () => plate(rng))
    .replace(/\{(time|feel|ask|dur|shop)\}/g, (_, slot: keyof typeof SAY_SLOTS) => rng.pick(SAY_SLOTS[slot]));
  return text.startsWith('来电人') ? text : rng.pick(SAY_OPENINGS) + text;
}

/** Yields `count` complaints of the city, each with its truth. */
export function* buildComplaints(city: CityStructure, count: number, rng: Rng): Generator<{ complaint: Complaint; truth: ComplaintTruth }> {
  const cityCode = city.names.city.code;
  const districts = [
    { code: cityCode, name: '', weight: 1 },
    ...city.names.subregions.map((r) => ({ code: r.code, name: r.name, weight: r.level === 'zone' ? 1 : 3 })),
  ];
  for (let n = 1; n <= count; n++) {
    const matter = rng.weighted(MATTERS, (m) => m.weight);
    const district = rng.weighted(districts, (d) => d.weight);
    const receivedMs = START + Math.floor(rng.next() * SPAN_MS);
    const id = `${cityCode}-${new Date(receivedMs).getUTCFullYear()}-${String(n).padStart(7, '0')}`;
    const ownerOf = (key: string) => city.departmentOf(district.code, key) ?? city.departmentOf(cityCode, key);
    const leadKind = city.leadOf(district.code, matterId(matter.key)) ?? city.leadOf(cityCode, matterId(matter.key));
    const owner = matter.holders.length === 0 ? undefined : ownerOf(leadKind ?? matter.holders[0]!.dept);
    const contested = matter.holders.length >= 2 && !leadKind;
    const bounceRate = !owner ? 1 : contested ? 0.16 : matter.key === 'construction-noise' && receivedMs < Date.UTC(2021, 6, 1) ? 0.3 : 0.045;
    const routes: Route[] = [];
    let at = receivedMs + rng.int(1, 6) * 3600_000;
    if (rng.chance(bounceRate)) {
      const others = [...new Set([...matter.holders.map((h) => h.dept), ...USUAL_SUSPECTS])].map(ownerOf).filter((d) => d !== undefined && d.id !== owner?.id);
      for (const wrong of rng.shuffle(others).slice(0, owner ? rng.int(1, 2) : rng.int(2, 3))) {
        routes.push({ department: wrong!.id, at: beijingTime(at), outcome: rng.chance(0.7) ? 'refused' : 'returned', reason: rng.pick(REFUSALS) });
        at += rng.int(4, 30) * 3600_000;
      }
    }
    if (owner) routes.push({ department: owner.id, at: beijingTime(at), outcome: rng.chance(0.97) ? 'resolved' : 'accepted' });
    const bounced = routes.length > 1 || !owner;
    const satisfied = owner ? rng.chance(bounced ? 0.35 : 0.9) : false;
    // Hotline figures drawn from the id, not the generator's stream, so every other choice stays as it was.
    const spread = (n * 2654435761) % 997;
    const closedMs = owner ? at + (spread % 97) * 3600_000 : undefined;
    yield {
      complaint: {
        id,
        text: say(matter, district.name || city.names.city.name, rng),
        receivedAt: beijingTime(receivedMs),
        district: district.code,
        matter: matterId(matter.key),
        routes,
        satisfied,
        dueAt: beijingTime(receivedMs + DUE_MS),
        ...(closedMs !== undefined ? { closedAt: beijingTime(closedMs) } : {}),
        rating: satisfied ? 4 + (spread % 2) : 1 + (spread % 2),
      },
      truth: { id, department: owner?.id ?? null, matter: matterId(matter.key), district: district.code, bounced },
    };
  }
}
