import { describe, expect, it } from 'vitest';
import { abbreviationsOf } from '../../src/text/abbreviations.js';

describe('abbreviations of the lists’ own words', () => {
  it('gives a short form the four-character words it may stand for, with their document counts', () => {
    const readings = abbreviationsOf([
      ['社会保险', 14],
      ['社会保障', 2],
      ['医疗保险', 6],
      ['环境保护', 3],
    ]);
    expect(readings.get('社保')).toEqual(
      new Map([
        ['社会保险', 14],
        ['社会保障', 2],
      ]),
    );
    expect(readings.get('医保')).toEqual(new Map([['医疗保险', 6]]));
    expect(readings.get('环保')).toEqual(new Map([['环境保护', 3]]));
  });

  it('leaves out a short form the collection uses as a word of its own, and words of other lengths', () => {
    const readings = abbreviationsOf([
      ['公共交通', 3],
      ['公交', 5],
      ['出租汽车', 4],
      ['危险化学品', 9],
      ['噪声', 7],
    ]);
    expect(readings.has('公交')).toBe(false);
    expect([...readings.keys()]).toEqual(['出汽']);
  });
});
