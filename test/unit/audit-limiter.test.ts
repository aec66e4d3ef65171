import { describe, expect, it } from 'vitest';
import { AuditLimiter } from '../../src/catalog/audit.js';

describe('AuditLimiter', () => {
  it('admits a few refusals a minute per actor and reports the ones it left out with the next one written', () => {
    let now = 0;
    const limiter = new AuditLimiter(3, () => now);
    const admitted = Array.from({ length: 5 }, () => limiter.admit('viewer a').write);
    expect(admitted).toEqual([true, true, true, false, false]);
    expect(limiter.admit('viewer b')).toEqual({ write: true, unrecorded: 0 });
    now = 60_000;
    expect(limiter.admit('viewer a')).toEqual({ write: true, unrecorded: 2 });
    expect(limiter.admit('viewer a')).toEqual({ write: true, unrecorded: 0 });
  });

  it('forgets the oldest actors past its size, so memory stays bounded', () => {
    const limiter = new AuditLimiter(1, () => 0, 2);
    limiter.admit('a');
    limiter.admit('b');
    limiter.admit('c');
    expect(limiter.admit('a').write).toBe(true);
    expect(limiter.admit('c').write).toBe(false);
  });
});
