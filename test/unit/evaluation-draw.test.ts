import { describe, expect, it } from 'vitest';
import { drawDepartments, normaliseSeed, rosterText, type RosterDepartment } from '../../src/evaluation/draw.js';

const roster: RosterDepartment[] = Array.from({ length: 20 }, (_, d) => ({
  id: `d-${String(d).padStart(2, '0')}`,
  name: `部门${d}`,
  sections: Array.from({ length: 1 + (d % 5) }, (_, s) => ({ id: `d-${d}-s${s}`, name: `科室${s}` })),
}));
const options = { year: 2021, seed: '2021-12-01 体彩排列五 3 8 1 0 6', departments: 5, sections: 2 };

describe('the double-random draw', () => {
  it('gives the same draw for the same roster and seed, whatever order the roster comes in', () => {
    const first = drawDepartments(roster, options);
    const again = drawDepartments(
      [...roster].reverse().map((d) => ({ ...d, sections: [...d.sections].reverse() })),
      options,
    );
    expect(again).toEqual(first);
    expect(first.departments).toHaveLength(5);
    expect(new Set(first.departments.map((d) => d.id)).size).toBe(5);
    for (const d of first.departments) {
      const available = roster.find((r) => r.id === d.id)!.sections.length;
      expect(d.sections).toHaveLength(Math.min(2, available));
      expect(new Set(d.sections.map((s) => s.id)).size).toBe(d.sections.length);
    }
    expect(first.rosterHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.rosterSize).toEqual({ departments: 20, sections: roster.reduce((n, d) => n + d.sections.length, 0) });
  });

  it('draws otherwise for another seed, and the roster hash shows a changed roster', () => {
    const first = drawDepartments(roster, options);
    const otherSeed = drawDepartments(roster, { ...options, seed: '2021-12-02 体彩排列五 9 0 2 7 4' });
    expect(otherSeed.departments.map((d) => d.id)).not.toEqual(first.departments.map((d) => d.id));
    expect(otherSeed.rosterHash).toBe(first.rosterHash);
    const changed = drawDepartments(roster.slice(1), options);
    expect(changed.rosterHash).not.toBe(first.rosterHash);
  });

  it('reads a seed the same however its spaces and Unicode forms are typed', () => {
    expect(normaliseSeed('  2021-12-01\t 体彩  3 8 \n')).toBe('2021-12-01 体彩 3 8');
    expect(drawDepartments(roster, { ...options, seed: ` ${options.seed.replace(/ /g, '  ')} ` })).toEqual(drawDepartments(roster, options));
    expect(() => drawDepartments(roster, { ...options, seed: '  ' })).toThrow(/empty/);
  });

  it('draws every department when asked for more than there are, and spreads its choices', () => {
    expect(drawDepartments(roster, { ...options, departments: 50 }).departments).toHaveLength(20);
    // Over many seeds each department is drawn about as often as any other (5 of 20 each time).
    const counts = new Map<string, number>();
    for (let i = 0; i < 400; i++)
      for (const d of drawDepartments(roster, { ...options, seed: `seed ${i}` }).departments) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
    expect(counts.size).toBe(20);
    for (const n of counts.values()) expect(n).toBeGreaterThan(60); // expected 100 each
  });

  it('publishes the roster as one tab-separated line per department and section', () => {
    expect(
      rosterText([
        {
          id: 'b',
          name: 'B\t局',
          sections: [
            { id: 's2', name: '二科' },
            { id: 's1', name: '一科' },
          ],
        },
        { id: 'a', name: 'A', sections: [] },
      ]),
    ).toBe('department\ta\tA\ndepartment\tb\tB 局\nsection\ts1\t一科\nsection\ts2\t二科\n');
  });
});
