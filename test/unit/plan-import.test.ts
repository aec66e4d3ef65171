import { describe, expect, it } from 'vitest';
import { canonicalRecord, recordHash } from '../../src/model/canonical.js';
import type { PowerItem } from '../../src/model/records.js';
import { classify, toWriteRow } from '../../src/ingest/plan-import.js';

const item: PowerItem = {
  code: 'P',
  name: '甲',
  type: 'penalty',
  department: 'D',
  sections: ['S2', 'S1'],
  matters: [],
  legalBasis: [
    { id: 'L2', title: '乙法' },
    { id: 'L1', title: '甲法', article: '第一条' },
  ],
};

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

describe('classify and toWriteRow', () => {
  it('classifies a record as created, updated or unchanged by its hash', () => {
    const row = toWriteRow('matters', { id: 'm', name: '同' });
    expect(classify(row, new Map())).toBe('created');
    expect(classify(row, new Map([['m', row.hash]]))).toBe('unchanged');
    expect(classify(row, new Map([['m', 'other']]))).toBe('updated');
    expect(classify(row, new Map([['m', null]]))).toBe('updated');
  });

  it('puts node fields in props and relationship fields beside them, lists defaulting to empty', () => {
    const row = toWriteRow('powerItems', { code: 'P', name: '甲', type: 'penalty', department: 'D' });
    expect(row).toEqual({
      key: 'P',
      hash: expect.any(String),
      props: { code: 'P', name: '甲', type: 'penalty' },
      department: 'D',
      sections: [],
      matters: [],
      legalBasis: [],
      supervision: [],
    });
  });
});
