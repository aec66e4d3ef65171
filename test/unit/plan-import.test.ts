import { describe, expect, it } from 'vitest';
import { emptyBundle, RECORD_FILES, type RecordFile } from '../../src/model/bundle.js';
import { canonicalRecord, recordHash } from '../../src/model/canonical.js';
import type { PowerItem } from '../../src/model/records.js';
import { planImport, toWriteRow } from '../../src/ingest/plan-import.js';

const item: PowerItem = {
  code: 'P', name: '甲', type: 'penalty', department: 'D', sections: ['S2', 'S1'], matters: [],
  legalBasis: [{ id: 'L2', title: '乙法' }, { id: 'L1', title: '甲法', article: '第一条' }],
};
const noExisting = () => Object.fromEntries(RECORD_FILES.map((f) => [f, new Map()])) as Record<RecordFile, Map<string, string | null>>;

describe('canonical records', () => {
  it('ignore the order of set-like lists and drop empty ones', () => {
    const reordered: PowerItem = { ...item, sections: ['S1', 'S2'], legalBasis: [...item.legalBasis!].reverse() };
    delete (reordered as Partial<PowerItem>).matters;
    expect(recordHash('powerItems', reordered)).toBe(recordHash('powerItems', item));
    expect(canonicalRecord('powerItems', item)).not.toHaveProperty('matters');
  });

  it('keep the order of ordered lists (supervision duties, routes)', () => {
    expect(recordHash('powerItems', { ...item, supervision: ['一', '二'] })).not.toBe(recordHash('powerItems', { ...item, supervision: ['二', '一'] }));
  });
});

describe('planImport', () => {
  it('classifies records as created, updated or unchanged by their hash', () => {
    const bundle = emptyBundle();
    bundle.matters = [{ id: 'new', name: '新' }, { id: 'same', name: '同' }, { id: 'changed', name: '改后' }, { id: 'foreign', name: '外' }];
    const existing = noExisting();
    existing.matters = new Map([
      ['same', recordHash('matters', { id: 'same', name: '同' })],
      ['changed', recordHash('matters', { id: 'changed', name: '改前' })],
      ['foreign', null],
    ]);
    const plan = planImport(bundle, existing, { matters: 2 });
    expect(plan.counts.matters).toEqual({ created: 1, updated: 2, unchanged: 1, rejected: 2 });
    expect(plan.rows.matters.map((row) => row.key)).toEqual(['new', 'changed', 'foreign']);
  });

  it('puts node fields in props and relationship fields beside them, lists defaulting to empty', () => {
    const row = toWriteRow('powerItems', { code: 'P', name: '甲', type: 'penalty', department: 'D' }, 'h');
    expect(row).toEqual({
      key: 'P', props: { importHash: 'h', code: 'P', name: '甲', type: 'penalty' },
      department: 'D', sections: [], matters: [], legalBasis: [], supervision: [],
    });
  });
});
