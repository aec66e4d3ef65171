import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../helpers/find-chromium.js';

function folderWith(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-browser-'));
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), 0o755);
  return dir;
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first', () => {
    const dir = folderWith('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'my-chrome'), PATH: folderWith('chromium') })).toBe(join(dir, 'my-chrome'));
  });

  it('refuses a CHROMIUM_PATH that is not there', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow(/CHROMIUM_PATH/);
  });

  it('finds chromium or chromium-browser on PATH', () => {
    const a = folderWith('chromium-browser');
    expect(findChromium({ PATH: `/nowhere:${a}` })).toBe(join(a, 'chromium-browser'));
  });

  it('answers undefined when there is none', () => {
    expect(findChromium({ PATH: mkdtempSync(join(tmpdir(), 'dg-empty-')) })).toBeUndefined();
  });
});
