import { describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { validateFiles, validateFolder } from '../helpers/validate.js';

describe('validateBundle: records', () => {
  it('accepts the demo bundle', async () => {
    const result = await validateFolder(DEMO_BUNDLE);
    expect(result.errors).toEqual([]);
    expect(result.totals.departments).toBe(16);
    expect(result.manifest?.name).toContain('日照市');
  });

  it('names the file, index, field and reason of each bad record', async () => {
    const { errors, rejectedCounts } = await validateFiles({
      'regions.json': [{ code: 'R', name: '某市', level: 'city' }],
      'departments.json': [{ id: 'D1', name: '某局', region: 'R' }],
      'powerItems.json': [
        { code: 'P1', name: '甲', type: 'penalty', department: 'D1' },
        { code: 'P2', name: '乙', type: 'punishment', department: 'D1' },
        { code: 'P3', name: '丙', type: 'penalty' },
      ],
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^powerItems\.json:1: type: /);
    expect(errors[1]).toBe('powerItems.json:2: department: is required');
    expect(rejectedCounts.powerItems).toBe(2);
  });

  it('refuses unknown fields, so a typo cannot drop data silently', async () => {
    const { errors } = await validateFiles({ 'regions.json': [{ code: 'R', name: '某市', level: 'city', parnet: 'X' }] });
    expect(errors).toEqual(['regions.json:0: parnet: unknown field']);
  });

  it('reports nested fields with their path', async () => {
    const { errors } = await validateFiles(
      {
        'powerItems.json': [{ code: 'P', name: '甲', type: 'penalty', department: 'D', legalBasis: [{ id: 'L', title: '法', status: 'void' }] }],
      },
      { keys: { departments: ['D'] } },
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^powerItems\.json:0: legalBasis\.0\.status: /);
  });

  it('gives NDJSON problems by 1-based line', async () => {
    const { errors } = await validateFiles({ 'matters.ndjson': '{"id":"m1","name":"噪声"}\n\n{"id":"m2"}\nnot json\n' });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe('matters.ndjson:3: name: is required');
    expect(errors[1]).toMatch(/^matters\.ndjson:4: not valid JSON/);
  });

  it('refuses duplicate keys within a file', async () => {
    const { errors } = await validateFiles({
      'matters.json': [
        { id: 'm', name: '甲' },
        { id: 'm', name: '乙' },
      ],
    });
    expect(errors).toEqual(['matters.json:1: m: duplicate of the record at matters.json:0']);
  });

  it('refuses two records that describe one legal basis differently', async () => {
    const { errors } = await validateFiles(
      {
        'powerItems.json': [
          { code: 'P1', name: '甲', type: 'penalty', department: 'D', legalBasis: [{ id: 'L', title: '噪声法', status: 'in_force' }] },
          { code: 'P2', name: '乙', type: 'penalty', department: 'D', legalBasis: [{ id: 'L', title: '噪声法', status: 'repealed' }] },
        ],
      },
      { keys: { departments: ['D'] } },
    );
    expect(errors).toEqual(['powerItems.json:1: legalBasis.0: L differs in title or status from powerItems.json:0']);
  });

  it('refuses a lead that is also cooperating, and a boundary item without a matter', async () => {
    const { errors } = await validateFiles(
      {
        'boundaryItems.json': [
          { id: 'b1', title: '甲', scope: 'department', lead: 'D1', cooperating: ['D1'], matters: ['m'] },
          { id: 'b2', title: '乙', scope: 'department', lead: 'D1', matters: [] },
        ],
      },
      { keys: { departments: ['D1'], matters: ['m'] } },
    );
    expect(errors).toEqual([
      'boundaryItems.json:0: cooperating: the lead cannot also be cooperating',
      'boundaryItems.json:1: matters: must name at least one matter',
    ]);
  });
});

describe('validateBundle: files', () => {
  it('refuses unknown bundle files, a file given twice, and a wrong manifest format', async () => {
    const { errors } = await validateFiles({
      'manifest.json': '{"format":"dutygraph-bundle/2","name":"x"}',
      'powerItem.json': [],
      'regions.json': [],
      'regions.ndjson': '',
    });
    expect(errors.some((e) => e.startsWith('powerItem.json: unknown bundle file'))).toBe(true);
    expect(errors.some((e) => e.startsWith('regions.ndjson: regions.json holds the same records'))).toBe(true);
    expect(errors.some((e) => e.startsWith('manifest.json: format: must be "dutygraph-bundle/1"'))).toBe(true);
  });

  it('refuses a file that is not a JSON array, an empty .json file and a file that is not UTF-8', async () => {
    expect((await validateFiles({ 'regions.json': '{"code":"R"}' })).errors).toEqual(['regions.json: must be a JSON array of records']);
    expect((await validateFiles({ 'regions.json': '' })).errors).toEqual(['regions.json: empty file (expected a JSON array of records)']);
    // [{"code":"日照"}] saved as GBK, as Excel on a Chinese Windows does.
    const gbk = Buffer.concat([Buffer.from('[{"code":"'), Buffer.from([0xc8, 0xd5, 0xd5, 0xd5]), Buffer.from('"}]')]);
    expect((await validateFiles({ 'regions.json': gbk })).errors).toEqual(['regions.json: not valid UTF-8 (bundle files are UTF-8; convert GBK files first)']);
    expect((await validateFiles({ 'regions.ndjson': gbk.subarray(1, -1) })).errors).toEqual(['regions.ndjson:1: not valid UTF-8 (broken encoding?)']);
  });

  it('refuses a 20 MB text field with a clear error instead of storing it', async () => {
    const huge = '吵'.repeat((20 * 1024 * 1024) / 3);
    const line = JSON.stringify({ id: 'm', name: huge });
    const { errors } = await validateFiles({ 'matters.ndjson': line + '\n' });
    expect(errors).toEqual(['matters.ndjson:1: line longer than 1048576 characters']);
    const { errors: jsonErrors } = await validateFiles({ 'matters.json': [{ id: 'm', name: huge }] });
    expect(jsonErrors[0]).toMatch(/^matters\.json:0: name: Too big/);
  });
});

describe('validateBundle: references', () => {
  const base = {
    'regions.json': [{ code: 'R', name: '某市', level: 'city' }],
    'departments.json': [{ id: 'D', name: '某局', region: 'R' }],
    'sections.json': [{ id: 'S', department: 'D', name: '某科', posts: 4 }],
  };

  it('resolves references within the bundle, forward ones within a file included', async () => {
    const { errors } = await validateFiles({
      'regions.json': [
        { code: 'C', name: '某县', level: 'county', parent: 'R' },
        { code: 'R', name: '某市', level: 'city' },
      ],
      'departments.json': [{ id: 'D', name: '某局', region: 'C' }],
      'powerItems.json': [
        { code: 'P2', name: '乙', type: 'penalty', department: 'D', correspondsTo: 'P1' },
        { code: 'P1', name: '甲', type: 'penalty', department: 'D' },
      ],
    });
    expect(errors).toEqual([]);
  });

  it('accepts references to what the graph holds', async () => {
    const { errors } = await validateFiles(
      { 'sections.json': [{ id: 'S2', department: 'D-old', name: '新科', posts: 2 }] },
      { keys: { departments: ['D-old'] } },
    );
    expect(errors).toEqual([]);
  });

  it('reports a dangling reference with file, index and field', async () => {
    const { errors, rejected } = await validateFiles({
      ...base,
      'complaints.json': [
        {
          id: 'c',
          text: '噪音',
          receivedAt: '2021-01-01T00:00:00+08:00',
          routes: [
            { department: 'D', at: '2021-01-02T00:00:00+08:00', outcome: 'refused' },
            { department: 'Nope', at: '2021-01-03T00:00:00+08:00', outcome: 'accepted' },
          ],
        },
      ],
    });
    expect(errors).toEqual(['complaints.json:0: routes.1.department: department Nope is neither in the bundle nor in the graph']);
    expect([...rejected]).toEqual(['complaints.json:0']);
  });

  it('takes hotline figures (time limit, closing, rating) and refuses ones that cannot be', async () => {
    const complaint = (fields: object) => ({ id: 'c', text: '噪音', receivedAt: '2021-01-05T00:00:00+08:00', ...fields });
    const ok = await validateFiles({
      ...base,
      'complaints.json': [complaint({ dueAt: '2021-01-08T00:00:00+08:00', closedAt: '2021-01-06T09:00:00+08:00', rating: 5 })],
    });
    expect(ok.errors).toEqual([]);
    const { errors } = await validateFiles({
      ...base,
      'complaints.json': [
        complaint({ id: 'a', closedAt: '2021-01-04T00:00:00+08:00' }),
        complaint({ id: 'b', dueAt: 'next week' }),
        complaint({ id: 'c', rating: 6 }),
      ],
    });
    expect(errors).toEqual([
      'complaints.json:0: closedAt: cannot be before receivedAt',
      'complaints.json:1: dueAt: must be an ISO 8601 date-time',
      'complaints.json:2: rating: must be 1 to 5',
    ]);
  });

  it('checks a boundary item lead against sections when its scope is section', async () => {
    const { errors } = await validateFiles({
      ...base,
      'matters.json': [{ id: 'm', name: '甲' }],
      'boundaryItems.json': [{ id: 'b', title: '分工', scope: 'section', lead: 'D', matters: ['m'] }],
    });
    expect(errors).toEqual(['boundaryItems.json:0: lead: section D is neither in the bundle nor in the graph']);
  });

  it('rejects the records that refer to a rejected record, down the files and within one', async () => {
    const { errors, rejectedCounts, totals } = await validateFiles({
      'regions.json': [
        { code: 'R', name: '某市', level: 'metropolis' },
        { code: 'C', name: '某县', level: 'county', parent: 'R' },
      ],
      'departments.json': [{ id: 'D', name: '某局', region: 'C' }],
    });
    expect(errors).toHaveLength(3);
    expect(rejectedCounts).toEqual({ regions: 2, departments: 1 });
    expect(totals.regions).toBe(0);
  });
});

describe('validateBundle: volumes', () => {
  const base = {
    'regions.json': [{ code: 'R', name: '某市', level: 'city' }],
    'departments.json': [{ id: 'D', name: '某局', region: 'R' }],
    'sections.json': [
      { id: 'S', department: 'D', name: '甲科', posts: 4 },
      { id: 'S2', department: 'D', name: '乙科', posts: 2 },
    ],
  };

  it("defaults a volume's section to the item's only section, from the bundle or the graph", async () => {
    const result = await validateFiles(
      {
        ...base,
        'powerItems.json': [{ code: 'P', name: '甲', type: 'licensing', department: 'D', sections: ['S'] }],
        'volumes.json': [
          { powerItem: 'P', year: 2020, received: 10, completed: 9 },
          { powerItem: 'Q', year: 2020, received: 1, completed: 1 },
        ],
      },
      { keys: { powerItems: ['Q'] }, sections: { Q: ['S2'] } },
    );
    expect(result.errors).toEqual([]);
    expect([result.defaultSectionOf('P'), result.defaultSectionOf('Q')]).toEqual(['S', 'S2']);
  });

  it('refuses a volume without section for an item with several sections', async () => {
    const { errors } = await validateFiles({
      ...base,
      'powerItems.json': [{ code: 'P', name: '甲', type: 'licensing', department: 'D', sections: ['S', 'S2'] }],
      'volumes.json': [{ powerItem: 'P', year: 2020, received: 10, completed: 9 }],
    });
    expect(errors).toEqual(['volumes.json:0: section: is required because power item P has 2 sections, not exactly one']);
  });

  it('refuses two volumes that are the same once the default section is filled in', async () => {
    const { errors } = await validateFiles({
      ...base,
      'powerItems.json': [{ code: 'P', name: '甲', type: 'licensing', department: 'D', sections: ['S'] }],
      'volumes.json': [
        { powerItem: 'P', year: 2021, received: 1, completed: 1 },
        { powerItem: 'P', section: 'S', year: 2021, received: 2, completed: 2 },
      ],
    });
    expect(errors).toEqual(['volumes.json:1: P|S|2021: duplicate of the record at volumes.json:0']);
  });
});
