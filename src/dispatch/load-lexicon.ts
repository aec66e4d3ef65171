import { readFileSync } from 'node:fs';
import { AppError, ErrorCode } from '../errors.js';
import { projectPath } from '../project-root.js';
import { parseLexicon, type Lexicon } from './lexicon.js';

const SHIPPED_LEXICON = projectPath('lexicon', 'civic-words.txt');

/** Reads a lexicon file: the shipped one when `path` is undefined, none when it is null. */
export function loadLexicon(path: string | null | undefined): Lexicon {
  if (path === null) return new Map();
  const file = path ?? SHIPPED_LEXICON;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      ErrorCode.BAD_CONFIG,
      `lexicon ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  return parseLexicon(text, file);
}
