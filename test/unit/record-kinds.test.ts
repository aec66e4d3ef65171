import { describe, expect, it } from 'vitest';
import { kindOf, RECORD_FILES, recordKey, referencesOf, type RecordTypes } from '../../src/model/record-kinds.js';

/** The fields of a kind's zod object schema. */
function schemaFields(file: (typeof RECORD_FILES)[number]): string[] {
  return Object.keys((kindOf(file).schema as unknown as { shape: Record<string, unknown> }).shape);
}

describe('the registry of record kinds', () => {
  it.each(RECORD_FILES)("%s: its fields are the schema's, its key a node field", (file) => {
    const kind = kindOf(file);
    const fields = schemaFields(file);
    expect(fields).toEqual(expect.arrayContaining([...kind.nodeFields, ...kind.listLinks]));
    expect(kind.listLinks).toEqual(expect.arrayContaining([...kind.setFields]));
    if (kind.keyField !== undefined) expect(kind.nodeFields).toContain(kind.keyField);
  });

  it('lists kinds in dependency order: a record refers only to earlier kinds or its own', () => {
    const samples: { [F in 'powerItems' | 'boundaryItems' | 'complaints']: RecordTypes[F] } = {
      powerItems: { code: 'P', name: 'n', type: 'penalty', department: 'D', sections: ['S'], matters: ['M'], correspondsTo: 'P0' },
      boundaryItems: { id: 'B', title: 't', scope: 'section', lead: 'S1', cooperating: ['S2'], matters: ['M'], status: 'published' },
      complaints: {
        id: 'C',
        text: 't',
        receivedAt: '2024-01-01T00:00:00Z',
        district: 'R',
        matter: 'M',
        routes: [{ department: 'D', at: '2024-01-01T00:00:00Z', outcome: 'accepted' }],
      },
    };
    for (const file of ['powerItems', 'boundaryItems', 'complaints'] as const) {
      for (const ref of referencesOf(file, samples[file])) {
        expect(RECORD_FILES.indexOf(ref.kind), `${file}.${ref.field}`).toBeLessThanOrEqual(RECORD_FILES.indexOf(file));
      }
    }
    expect(referencesOf('boundaryItems', samples.boundaryItems).map((r) => r.kind)).toEqual(['sections', 'sections', 'matters']);
  });

  it('keys volumes by item, section and year', () => {
    expect(recordKey('volumes', { powerItem: 'P', section: 'S', year: 2024, received: 1, completed: 1 })).toBe('P|S|2024');
    expect(recordKey('regions', { code: '371100', name: '日照市', level: 'city' })).toBe('371100');
  });
});
