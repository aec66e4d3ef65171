import { describe, expect, it } from 'vitest';
import { nearestBoundaryItem, regionChains } from '../../src/model/regions.js';

const regions = [
  { code: 'P', parent: null },
  { code: 'C', parent: 'P' },
  { code: 'D', parent: 'C' },
  { code: 'X', parent: 'Y' },
  { code: 'Y', parent: 'X' },
];

describe('regionChains', () => {
  it('lists a region and its ancestors, nearest first, and stops at a cycle', () => {
    const chains = regionChains(regions);
    expect(chains.get('D')).toEqual(['D', 'C', 'P']);
    expect(chains.get('P')).toEqual(['P']);
    expect(chains.get('X')).toEqual(['X', 'Y']);
  });
});

describe('nearestBoundaryItem', () => {
  const chain = ['D', 'C', 'P'];
  it.each<{ items: { id: string; region?: string | null }[]; nearest: string | undefined }>([
    {
      items: [
        { id: 'city', region: 'C' },
        { id: 'district', region: 'D' },
      ],
      nearest: 'district',
    },
    {
      items: [
        { id: 'everywhere', region: null },
        { id: 'province', region: 'P' },
      ],
      nearest: 'province',
    },
    { items: [{ id: 'everywhere', region: undefined }], nearest: 'everywhere' },
    { items: [{ id: 'elsewhere', region: 'X' }], nearest: undefined },
    {
      items: [
        { id: 'first', region: 'C' },
        { id: 'second', region: 'C' },
      ],
      nearest: 'first',
    },
  ])('$nearest', ({ items, nearest }) => {
    expect(nearestBoundaryItem(items, chain)?.id).toBe(nearest);
  });
});
