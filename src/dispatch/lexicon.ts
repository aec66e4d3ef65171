import { AppError, ErrorCode } from '../errors.js';

/** Everyday word -> the list words it stands for (lexicon/civic-words.txt). */
export type Lexicon = Map<string, string[]>;

/**
 * Parses a lexicon: `list word: everyday word, everyday word, …` a line, `#` comments. An
 * everyday word may stand for several list words (房子 for 住宅 and 房屋). Malformed lines are
 * errors with their line numbers: a silently skipped line would quietly change dispatch.
 */
export function parseLexicon(text: string, source: string): Lexicon {
  const lexicon: Lexicon = new Map();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([^:：]+)[:：](.*)$/.exec(line);
    const listWord = match?.[1]?.trim() ?? '';
    const everyday = (match?.[2] ?? '')
      .split(/[,，、]/)
      .map((w) => w.trim())
      .filter((w) => w !== '');
    if (!match || listWord === '' || everyday.length === 0) {
      problems.push(`${source}:${i + 1}: expected "list word: everyday word, everyday word"`);
      return;
    }
    for (const word of everyday) lexicon.set(word, [...new Set([...(lexicon.get(word) ?? []), listWord])]);
  });
  if (problems.length > 0) throw new AppError(ErrorCode.BAD_CONFIG, `${source}: ${problems.length} malformed line(s)`, problems);
  return lexicon;
}
