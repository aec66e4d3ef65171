import { describe, expect, it } from 'vitest';
import { readBundle } from '../../src/ingest/read-bundle.js';
import { checkReferences, externalReferences, itemsNeedingSections, resolveVolumeSections, type KeySets } from '../../src/ingest/references.js';
import { validateRecords } from '../../src/ingest/validate-records.js';
import { writeBundle } from '../helpers/bundle-dir.js';

const located = (files: Record<string, unknown[]>) => {
  const result = validateRecords(readBundle(writeBundle(files)));
  expect(result.errors).toEqual([]);
  return result.bundle;
};
const graph = (keys: Partial<Record<keyof KeySets, string[]>> = {}): KeySets => ({
  Region: new Set(keys.Region), Department: new Set(keys.Department), Section: new Set(keys.Section),
  Matter: new Set(keys.Matter), PowerItem: new Set(keys.PowerItem),
});

const base = {
  'regions.json': [{ code: 'R', name: '某市', level: 'city' }],
  'departments.json': [{ id: 'D', name: '某局', region: 'R' }],
  'sections.json': [{ id: 'S', department: 'D', name: '某科', posts: 4 }],
};

describe('references', () => {
  it('resolves references within the bundle', () => {
    const bundle = located({ ...base, 'powerItems.json': [{ code: 'P', name: '甲', type: 'penalty', department: 'D', sections: ['S'] }] });
    expect(checkReferences(bundle, graph()).errors).toEqual([]);
  });

  it('asks the graph for what the bundle refers to but does not define, and accepts it there', () => {
    const bundle = located({ 'sections.json': [{ id: 'S2', department: 'D-old', name: '新科', posts: 2 }] });
    expect(externalReferences(bundle).Department).toEqual(['D-old']);
    expect(checkReferences(bundle, graph({ Department: ['D-old'] })).errors).toEqual([]);
  });

  it('reports a dangling reference with file, index and field', () => {
    const bundle = located({ ...base, 'complaints.json': [{ id: 'c', text: '噪音', receivedAt: '2021-01-01T00:00:00+08:00', routes: [{ department: 'D', at: '2021-01-02T00:00:00+08:00', outcome: 'refused' }, { department: 'Nope', at: '2021-01-03T00:00:00+08:00', outcome: 'accepted' }] }] });
    const { errors, bad } = checkReferences(bundle, graph());
    expect(errors).toEqual(['complaints.json:0: routes.1.department: department Nope is neither in the bundle nor in the graph']);
    expect([...bad]).toEqual(['complaints.json:0']);
  });

  it('checks a boundary item lead against sections when its scope is section', () => {
    const bundle = located({ ...base, 'matters.json': [{ id: 'm', name: '甲' }], 'boundaryItems.json': [{ id: 'b', title: '分工', scope: 'section', lead: 'D', matters: ['m'] }] });
    expect(checkReferences(bundle, graph()).errors).toEqual(['boundaryItems.json:0: lead: section D is neither in the bundle nor in the graph']);
  });

  it("defaults a volume's section to the item's only section, from the bundle or the graph", () => {
    const bundle = located({
      ...base,
      'powerItems.json': [{ code: 'P', name: '甲', type: 'licensing', department: 'D', sections: ['S'] }],
      'volumes.json': [{ powerItem: 'P', year: 2020, received: 10, completed: 9 }, { powerItem: 'Q', year: 2020, received: 1, completed: 1 }],
    });
    expect(itemsNeedingSections(bundle)).toEqual(['Q']);
    expect(resolveVolumeSections(bundle, new Map([['Q', ['S9']]])).errors).toEqual([]);
    expect(bundle.volumes.map((v) => v.record.section)).toEqual(['S', 'S9']);
  });

  it('refuses a volume without section for an item with several sections', () => {
    const bundle = located({
      ...base,
      'powerItems.json': [{ code: 'P', name: '甲', type: 'licensing', department: 'D', sections: ['S', 'S2'] }],
      'volumes.json': [{ powerItem: 'P', year: 2020, received: 10, completed: 9 }],
    });
    expect(resolveVolumeSections(bundle, new Map()).errors).toEqual([
      'volumes.json:0: section: is required because power item P has 2 sections, not exactly one',
    ]);
  });

  it('refuses two volumes that are the same once the default section is filled in', () => {
    const bundle = located({
      ...base,
      'powerItems.json': [{ code: 'P', name: '甲', type: 'licensing', department: 'D', sections: ['S'] }],
      'volumes.json': [
        { powerItem: 'P', year: 2021, received: 1, completed: 1 },
        { powerItem: 'P', section: 'S', year: 2021, received: 2, completed: 2 },
      ],
    });
    expect(resolveVolumeSections(bundle, new Map()).errors).toEqual([
      'volumes.json:1: duplicate of the volume at volumes.json:0 (same item, section and year)',
    ]);
  });
});
