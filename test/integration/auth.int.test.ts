import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../src/api/start-service.js';
import { createAuthenticator } from '../../src/auth/authenticate.js';
import { ROLES, type Role } from '../../src/auth/roles.js';
import { createToken, TokenVerifier } from '../../src/auth/token-store.js';
import { loadConfig } from '../../src/config.js';
import { isAppError } from '../../src/errors.js';
import { openDemoApi, type DemoApi } from '../helpers/api.js';

let demo: DemoApi;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.close());

/**
 * Every mutation with the least role that may call it, and a call that changes nothing (unknown
 * ids): a permitted role gets NOT_FOUND or another error of the call, never FORBIDDEN.
 */
const MUTATIONS: Record<string, { role: Role; call: string }> = {
  recordRouting: { role: 'dispatcher', call: 'recordRouting(complaint: "c-none", department: "d-none", outcome: RESOLVED) { seq }' },
  publishBoundaryItem: { role: 'editor', call: 'publishBoundaryItem(id: "b-none") { id }' },
  retireBoundaryItem: { role: 'editor', call: 'retireBoundaryItem(id: "b-none") { id }' },
  publishProposal: { role: 'editor', call: 'publishProposal(id: "proposal:none:none") { id }' },
  applyStaffingTransfer: { role: 'editor', call: 'applyStaffingTransfer(item: "none", to: "d-none") { posts }' },
  upsertRecords: { role: 'editor', call: 'upsertRecords(kind: MATTERS, records: [{id: "m-x"}]) { mode }' },
  deleteRecord: { role: 'editor', call: 'deleteRecord(kind: TASKS, key: "t-none") { deleted }' },
  importBundle: { role: 'editor', call: 'importBundle(path: "no-such-bundle") { mode }' },
  importBundleFiles: { role: 'editor', call: 'importBundleFiles(files: [{name: "../evil.json", content: "[]"}]) { mode }' },
  // Induction on the demo lists is idempotent: the same matters again.
  induceMatters: { role: 'editor', call: 'induceMatters { matters }' },
  renameMatter: { role: 'editor', call: 'renameMatter(id: "induced:none", name: "x") { id }' },
  confirmMatter: { role: 'editor', call: 'confirmMatter(id: "induced:none") { id }' },
  mergeMatters: { role: 'editor', call: 'mergeMatters(into: "induced:none", from: ["induced:other"]) { id }' },
  splitMatter: { role: 'editor', call: 'splitMatter(id: "induced:none", items: ["x"], name: "y") { id }' },
  // The demo holds no evaluation standard: these end in NOT_FOUND or BAD_USER_INPUT, writing nothing.
  importEvaluationStandard: { role: 'editor', call: 'importEvaluationStandard(standard: {year: 2099}) { id }' },
  // A body enters its own indicators with a viewer token scoped to it (evaluation.int.test.ts); unscoped callers below editor are refused row by row.
  enterEvaluationIndicator: {
    role: 'editor',
    call: 'enterEvaluationIndicator(year: 2099, department: "d-none", indicator: "1", value: 1, body: OFFICE) { id }',
  },
  drawForEvaluation: { role: 'editor', call: 'drawForEvaluation(year: 2099, departments: 1, sections: 1, seed: "") { rosterHash }' },
  publishEvaluation: { role: 'editor', call: 'publishEvaluation(year: 2099) { year }' },
  commendDepartment: { role: 'editor', call: 'commendDepartment(year: 2099, department: "d-none", text: "x") { id }' },
  openEvaluationForms: { role: 'editor', call: 'openEvaluationForms(year: 2099, dueAt: "never") { opened }' },
  // A department fills its own forms with a viewer token scoped to it; checked row by row (evaluation.int.test.ts).
  // Below editor, only a department's own token fills and submits forms (its own).
  saveEvaluationForm: { role: 'editor', call: 'saveEvaluationForm(id: "2099/d-none/results", content: {}) { id }' },
  submitEvaluationForm: { role: 'editor', call: 'submitEvaluationForm(id: "2099/d-none/results") { id }' },
  returnEvaluationForm: { role: 'editor', call: 'returnEvaluationForm(id: "2099/d-none/results", reason: "x") { id }' },
  acceptEvaluationForm: { role: 'editor', call: 'acceptEvaluationForm(id: "2099/d-none/results") { id }' },
  remindLateEvaluationForms: { role: 'editor', call: 'remindLateEvaluationForms(year: 2099) { id }' },
  sendFindingsToLedger: {
    role: 'editor',
    call: 'sendFindingsToLedger(year: 2099, findings: ["none"], deadline: "2099-01-01T00:00:00Z", owner: "x") { already }',
  },
  addLedgerProblem: {
    role: 'editor',
    call: 'addLedgerProblem(year: 2099, department: "d-none", source: OTHER, description: "x", deadline: "2099-01-01T00:00:00Z", owner: "x") { id }',
  },
  closeLedgerProblem: { role: 'editor', call: 'closeLedgerProblem(id: "none", evidence: "fixed, see notice 1") { id }' },
  startVerification: { role: 'editor', call: 'startVerification(year: 2099, draw: "none") { id }' },
  recordInquiryAnswer: { role: 'editor', call: 'recordInquiryAnswer(id: "2099/none", to: JUSTICE, answer: "x") { id }' },
  recordTalk: { role: 'editor', call: 'recordTalk(id: "2099/none", with: "x", notes: "y") { id }' },
  answerQuestionnaire: { role: 'editor', call: 'answerQuestionnaire(id: "2099/none", answers: [1, 2, 3, 4, 5, 1, 2, 3]) { respondents }' },
};

const QUERIES: Record<string, { role: Role; call: string }> = {
  regions: { role: 'viewer', call: 'regions { code }' },
  departments: { role: 'viewer', call: 'departments(region: "371100") { id sections { id } }' },
  analysis: { role: 'viewer', call: 'analysis { summary { kind count } }' },
  staffing: { role: 'viewer', call: 'staffing(year: 2020) { year }' },
  dispatch: { role: 'dispatcher', call: 'dispatch(text: "工地夜间施工噪音") { status }' },
  staffingSuggestions: { role: 'analyst', call: 'staffingSuggestions(year: 2020) { year }' },
  cypher: { role: 'analyst', call: 'cypher(query: "RETURN 1 AS one") { rows }' },
  scorecards: { role: 'analyst', call: 'scorecards(year: 2099) { year }' },
  hotlineFigures: { role: 'analyst', call: 'hotlineFigures(year: 2021) { year }' },
  publishedScorecards: { role: 'viewer', call: 'publishedScorecards(year: 2099) { year }' },
  evaluationRoster: { role: 'viewer', call: 'evaluationRoster { hash }' },
  // Below analyst, only a department's own token reads forms (its own).
  evaluationForms: { role: 'analyst', call: 'evaluationForms(year: 2099) { id }' },
  evaluationForm: { role: 'analyst', call: 'evaluationForm(id: "2099/d-none/results") { id }' },
  ledger: { role: 'analyst', call: 'ledger(year: 2099) { id }' },
  verifications: { role: 'analyst', call: 'verifications(year: 2099) { id }' },
  inquiryLetter: { role: 'analyst', call: 'inquiryLetter(id: "2099/none", to: HOTLINE)' },
  verificationReport: { role: 'analyst', call: 'verificationReport(id: "2099/none")' },
  staffingTransferPreview: { role: 'analyst', call: 'staffingTransferPreview(item: "371100-SP-XK-001", to: "d-scjgj", year: 2020) { posts }' },
};

const below = (role: Role, required: Role) => ROLES.indexOf(role) < ROLES.indexOf(required);

describe('the role matrix', () => {
  it('covers every mutation of the schema (a new one without an entry fails here)', async () => {
    const result = await demo.api.execute('{ __type(name: "Mutation") { fields { name } } }');
    expect(result.data!.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  for (const [kind, table] of [
    ['mutation', MUTATIONS],
    ['query', QUERIES],
  ] as const) {
    for (const [name, { role: required, call }] of Object.entries(table)) {
      it(`${kind} ${name} needs ${required}`, async () => {
        for (const role of ROLES) {
          const result = await demo.api.execute(`${kind === 'mutation' ? 'mutation ' : ''}{ ${call} }`, {}, role);
          const codes = (result.errors ?? []).map((e) => e.extensions?.code);
          if (below(role, required)) expect(codes, `${role} on ${name}`).toEqual(['FORBIDDEN']);
          else expect(codes, `${role} on ${name}`).not.toContain('FORBIDDEN');
        }
      });
    }
  }
});

describe('bearer tokens over HTTP', () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await demo.api.listen());
  });
  afterAll(() => close());

  const query = (token?: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    });

  it('refuses requests without a token, or with a wrong one, once tokens exist', async () => {
    const missing = await query();
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect((await query('dg_admin_notatoken')).status).toBe(401);
    expect((await query(demo.api.tokens.viewer)).status).toBe(200);
  });
});

describe('token store', () => {
  it('lets anonymous callers in as viewer only while no token exists, and accepts a token created later within a second', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dg-auth-')), 'tokens.json');
    const auth = createAuthenticator(new TokenVerifier(file), 'viewer');
    expect(auth.authenticate(undefined)).toEqual({ role: 'viewer', actor: 'anonymous' });
    const { token } = createToken(file, 'editor', 'later');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(auth.authenticate(`Bearer ${token}`).role).toBe('editor');
    expect(() => auth.authenticate(undefined)).toThrow(/bearer token is required/);
  });

  it('stores hashes, never tokens', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dg-auth-')), 'tokens.json');
    const { token } = createToken(file, 'admin', '');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file, 'utf8')).not.toContain(token);
  });

  it('refuses to start the server on a non-loopback address while no token exists', async () => {
    const config = loadConfig({ ...process.env, HOST: '0.0.0.0', DUTYGRAPH_TOKENS_FILE: join(mkdtempSync(join(tmpdir(), 'dg-auth-')), 'tokens.json') });
    const started = startService(config, { demo: false, log: () => {} });
    await expect(started).rejects.toSatisfy((error: unknown) => isAppError(error, 'BAD_CONFIG') && /not a loopback address/.test((error as Error).message));
  });
});
