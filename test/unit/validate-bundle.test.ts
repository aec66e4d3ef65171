import { describe, expect, it } from 'vitest';
import { readBundle } from '../../src/ingest/read-bundle.js';
import { validateRecords } from '../../src/ingest/validate-records.js';
import { writeBundle } from '../helpers/bundle-dir.js';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';

const validate = (files: Record<string, unknown[] | string>) => validateRecords(readBundle(writeBundle(files)));

describe('validateRecords', () => {
  it('accepts the demo bundle', () => {
    const result = validateRecords(readBundle(DEMO_BUNDLE));
    expect(result.errors).toEqual([]);
    expect(result.bundle.departments.length).toBeGreaterThanOrEqual(15);
  });

  it('names the file, index, field and reason of each bad record', () => {
    const { errors, rejected } = validate({
      'powerItems.json': [
        { code: 'P1', name: '甲', type: 'penalty', department: 'D1' },
        { code: 'P2', name: '乙', type: 'punishment', department: 'D1' },
        { code: 'P3', name: '丙', type: 'penalty' },
      ],
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^powerItems\.json:1: type: /);
    expect(errors[1]).toBe('powerItems.json:2: department: is required');
    expect(rejected.powerItems).toBe(2);
  });

  it('refuses unknown fields, so a typo cannot drop data silently', () => {
    const { errors } = validate({ 'regions.json': [{ code: 'R', name: '某市', level: 'city', parnet: 'X' }] });
    expect(errors).toEqual(['regions.json:0: parnet: unknown field']);
  });

  it('reports nested fields with their path', () => {
    const { errors } = validate({
      'powerItems.json': [{ code: 'P', name: '甲', type: 'penalty', department: 'D', legalBasis: [{ id: 'L', title: '法', status: 'void' }] }],
    });
    expect(errors[0]).toMatch(/^powerItems\.json:0: legalBasis\.0\.status: /);
  });

  it('gives NDJSON problems by 1-based line', () => {
    const { errors } = validate({
      'matters.ndjson': '{"id":"m1","name":"噪声"}\n\n{"id":"m2"}\nnot json\n',
    });
    expect(errors).toHaveLength(2);
    expect(errors).toContain('matters.ndjson:3: name: is required');
    expect(errors.find((e) => e.startsWith('matters.ndjson:4: not valid JSON'))).toBeDefined();
  });

  it('refuses duplicate keys within a file', () => {
    const { errors } = validate({ 'matters.json': [{ id: 'm', name: '甲' }, { id: 'm', name: '乙' }] });
    expect(errors).toEqual(['matters.json:1: m: duplicate of the record at matters.json:0']);
  });

  it('refuses two records that describe one legal basis differently', () => {
    const { errors } = validate({
      'powerItems.json': [
        { code: 'P1', name: '甲', type: 'penalty', department: 'D', legalBasis: [{ id: 'L', title: '噪声法', status: 'in_force' }] },
        { code: 'P2', name: '乙', type: 'penalty', department: 'D', legalBasis: [{ id: 'L', title: '噪声法', status: 'repealed' }] },
      ],
    });
    expect(errors).toEqual(['powerItems.json:1: legalBasis.0: L differs in title or status from powerItems.json:0']);
  });

  it('refuses a lead that is also cooperating, and a boundary item without a matter', () => {
    const { errors } = validate({
      'boundaryItems.json': [
        { id: 'b1', title: '甲', scope: 'department', lead: 'D1', cooperating: ['D1'], matters: ['m'] },
        { id: 'b2', title: '乙', scope: 'department', lead: 'D1', matters: [] },
      ],
    });
    expect(errors).toEqual([
      'boundaryItems.json:0: cooperating: the lead cannot also be cooperating',
      'boundaryItems.json:1: matters: must name at least one matter',
    ]);
  });

  it('refuses unknown bundle files, a file given twice, and a wrong manifest format', () => {
    const { errors } = validate({
      'manifest.json': '{"format":"dutygraph-bundle/2","name":"x"}',
      'powerItem.json': [],
      'regions.json': [],
      'regions.ndjson': '',
    });
    expect(errors.some((e) => e.startsWith('powerItem.json: unknown bundle file'))).toBe(true);
    expect(errors.some((e) => e.startsWith('regions.ndjson: regions.json holds the same records'))).toBe(true);
    expect(errors.some((e) => e.startsWith('manifest.json: format: must be "dutygraph-bundle/1"'))).toBe(true);
  });

  it('refuses a file that is not a JSON array', () => {
    expect(validate({ 'regions.json': '{"code":"R"}' }).errors).toEqual(['regions.json: must be a JSON array of records']);
  });
});
