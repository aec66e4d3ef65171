import { describe, expect, it } from 'vitest';
import { tallyDeltas } from '../../src/model/routing-tallies.js';

const NOISE = {
  id: 'c-1',
  district: '371100',
  matters: ['m-noise'],
  routes: [
    { seq: 1, outcome: 'refused', department: 'd-cgj' },
    { seq: 2, outcome: 'returned', department: 'd-zjj' },
    { seq: 3, outcome: 'resolved', department: 'd-sthjj' },
  ],
};

describe('routing tally deltas', () => {
  it('count a bounced complaint in each tally, and take it out again with the opposite sign', () => {
    const deltas = tallyDeltas([NOISE], 1);
    expect(deltas.matters).toEqual([{ region: '371100', matter: 'm-noise', complaints: 1, bounced: 1, refusedByAll: 0, bouncedIds: ['c-1'], refusedIds: [] }]);
    expect(deltas.routes.map((r) => [r.department, r.refused, r.returned, r.resolved])).toEqual([
      ['d-cgj', 1, 0, 0],
      ['d-zjj', 0, 1, 0],
      ['d-sthjj', 0, 0, 1],
    ]);
    expect(deltas.refusals).toEqual([
      { matter: 'm-noise', refuser: 'd-cgj', next: 'd-zjj', complaints: 1 },
      { matter: 'm-noise', refuser: 'd-zjj', next: 'd-sthjj', complaints: 1 },
    ]);
    expect(deltas.coHandled).toHaveLength(3);
    expect(tallyDeltas([NOISE], -1).matters[0]).toMatchObject({ complaints: -1, bounced: -1, bouncedIds: ['c-1'] });
  });

  it('count a complaint nobody took, one without a district only per department, and keep to the matters asked', () => {
    const refused = { id: 'c-2', district: '371100', matters: ['m-noise'], routes: [{ seq: 1, outcome: 'refused', department: 'd-cgj' }] };
    const nowhere = { id: 'c-3', matters: ['m-noise'], routes: [{ seq: 1, outcome: 'accepted', department: 'd-cgj' }] };
    const deltas = tallyDeltas([refused, nowhere], 1);
    expect(deltas.matters).toEqual([
      { region: '371100', matter: 'm-noise', complaints: 1, bounced: 1, refusedByAll: 1, bouncedIds: ['c-2'], refusedIds: ['c-2'] },
    ]);
    expect(deltas.routes.find((r) => r.region === '')).toMatchObject({ department: 'd-cgj', accepted: 1 });
    const only = tallyDeltas([NOISE], 1, new Set(['m-other']));
    expect(only).toEqual({ matters: [], routes: [], refusals: [], coHandled: [] });
  });
});
