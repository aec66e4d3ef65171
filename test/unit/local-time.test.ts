import { describe, expect, it } from 'vitest';
import { cityTime } from '../../src/analysis/local-time.js';

describe('cityTime', () => {
  it.each([
    ['2026-12-01T20:30:00Z', '2026-12-02 04:30（北京时间）'],
    ['2026-06-30T16:00:00.000Z', '2026-07-01 00:00（北京时间）'],
  ])('%s reads %s, whatever the server zone', (iso, expected) => {
    expect(cityTime(iso)).toBe(expected);
  });
});
