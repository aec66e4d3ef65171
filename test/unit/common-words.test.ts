import { describe, expect, it } from 'vitest';
import { generalWordWeight } from '../../src/text/common-words.js';
import { generalWeight } from '../../src/text/features.js';
import { Idf } from '../../src/dispatch/vector-space.js';

describe('general word weight', () => {
  it('counts words everybody uses less than the words of a subject', () => {
    for (const common of ['公司', '时间', '孩子', '问题']) expect(generalWordWeight(common)).toBeLessThan(0.7);
    for (const subject of ['环评', '廉租房', '预付卡', '退费']) expect(generalWordWeight(subject)).toBe(1);
    expect(generalWordWeight('公司')).toBeLessThan(generalWordWeight('物业'));
  });

  it('gives words the dictionary does not know (the lists’ own) full weight, and characters and pairs too', () => {
    expect(generalWordWeight('网签备案信息')).toBe(1);
    expect(generalWeight('w:网签备案信息')).toBe(1);
    expect(generalWeight('c:司')).toBe(1);
    expect(generalWeight('p:公司')).toBe(1);
    expect(generalWeight('w:公司')).toBe(generalWordWeight('公司'));
  });

  it('scales an IDF by it', () => {
    const plain = new Idf();
    const scaled = new Idf(generalWeight);
    for (const idf of [plain, scaled]) {
      idf.add(new Map([['w:公司', 1]]));
      idf.add(new Map([['w:环评', 1]]));
    }
    expect(scaled.weight('w:环评')).toBe(plain.weight('w:环评'));
    expect(scaled.weight('w:公司')).toBeCloseTo(plain.weight('w:公司') * generalWordWeight('公司'));
  });
});
