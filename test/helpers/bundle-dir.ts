import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';

/** A temporary bundle folder with the given files (name -> records, raw text or raw bytes). */
export function writeBundle(files: Record<string, unknown[] | string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-bundle-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** A private copy of the demo bundle, to change one file of it. */
export function copyDemoBundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-demo-'));
  cpSync(DEMO_BUNDLE, dir, { recursive: true });
  return dir;
}

/** Reads, changes and writes back one JSON file of a bundle folder. */
export function editBundleFile<T = Record<string, unknown>>(dir: string, file: string, edit: (records: T[]) => T[]): void {
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8')) as T[]), null, 2));
}
