import { describe, expect, it } from 'vitest';
import { addVocabulary, normalizeText, tokenize } from '../../src/text/tokenize.js';

describe('tokenize', () => {
  it('keeps subject words and drops punctuation and function words', () => {
    const terms = tokenize('晚上十一点多了，小区对面工地还在打桩，吵得孩子根本睡不着！');
    expect(terms).toEqual(expect.arrayContaining(['小区', '工地', '打桩']));
    expect(terms).not.toContain('，');
    expect(terms).not.toContain('了');
    expect(terms).not.toContain('还');
  });

  it('keeps a long word and its parts, so different wordings share terms', () => {
    const terms = tokenize('单车把人行道都堵死了');
    expect(terms).toEqual(expect.arrayContaining(['人行', '行道', '人行道']));
  });

  it('learns the words of the lists', () => {
    addVocabulary(['网签备案']);
    expect(tokenize('商品房网签备案信息有误')).toContain('网签备案');
  });

  it('folds full-width forms and case, and survives emoji, English and empty text', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
    expect(tokenize('')).toEqual([]);
    expect(tokenize('😀😀😀')).toEqual([]);
    expect(tokenize('Noise from the construction site')).toEqual(expect.arrayContaining(['noise', 'construction', 'site']));
  });
});
