import { useState } from 'preact/hooks';
import { graphql, type ApiError } from '../api.js';
import { PublishButton } from '../proposals.js';
import { setParams } from '../route.js';
import { ErrorBox, EvidenceList, FilterSelect, findingLabel, Loading, Table, useData } from '../ui.js';

/**
 * 发现: every finding of the analysis, most severe first, narrowed by cascading filters (region,
 * then the departments of that region, then kind), each with its evidence. The filters are in the
 * URL, so a view can be sent as a link.
 */

interface Filters {
  region?: string | undefined;
  department?: string | undefined;
  kind?: string | undefined;
}

interface Finding {
  id: string;
  kind: string;
  region: string | null;
  severity: number;
  complaints: number;
  matter: { name: string } | null;
  departments: { id: string; name: string }[];
  evidence: { kind: string; id: string; text: string }[];
}

// fresh: after the user's own publish, the analysis that includes it (not the previous one, which answers meanwhile).
const OPTIONS = `query FindingFilters($region: String, $fresh: Boolean) {
  regions { code name }
  departments(region: $region) { id name }
  analysis(fresh: $fresh) { summary { kind count } proposals { id title findings } }
}`;

const SEND = `mutation Send($year: Int!, $findings: [ID!]!, $deadline: String!, $owner: String!) {
  sendFindingsToLedger(year: $year, findings: $findings, deadline: $deadline, owner: $owner) { added already }
}`;

/** A page of findings: as many as the API's query-cost limit allows with their evidence. */
const PAGE_SIZE = 25;

const FINDINGS = `query Findings($kind: FindingKind, $region: ID, $department: ID, $after: String, $fresh: Boolean) {
  analysis(fresh: $fresh) {
    findings(kind: $kind, region: $region, department: $department, first: ${PAGE_SIZE}, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind region severity complaints matter { name } departments { id name } evidence { kind id text } } }
    }
  }
}`;

interface FindingPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Finding }[];
}

export function FindingsPage({ filters, canEdit }: { filters: Filters; canEdit: boolean }) {
  const [version, setVersion] = useState(0);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const options = useData(
    () =>
      graphql<{
        regions: { code: string; name: string }[];
        departments: { id: string; name: string }[];
        analysis: { summary: { kind: string; count: number }[]; proposals: { id: string; title: string; findings: string[] }[] };
      }>(OPTIONS, {
        region: filters.region ?? null,
        fresh: version > 0,
      }),
    [filters.region, version],
  );
  const proposalOf = new Map((options.data?.analysis.proposals ?? []).flatMap((p) => p.findings.map((f) => [f, p] as const)));
  const [pages, setPages] = useState(1);
  const findings = useData(async () => {
    // The first `pages` pages of the current filters, read one after another (cursor pagination).
    const nodes: Finding[] = [];
    let page: FindingPage | undefined;
    for (let n = 0; n < pages && (!page || page.pageInfo.hasNextPage); n++) {
      page = (
        await graphql<{ analysis: { findings: FindingPage } }>(FINDINGS, {
          kind: filters.kind ?? null,
          region: filters.region ?? null,
          department: filters.department ?? null,
          after: page?.pageInfo.endCursor ?? null,
          fresh: version > 0,
        })
      ).analysis.findings;
      nodes.push(...page.edges.map((e) => e.node));
    }
    return { total: page!.totalCount, more: page!.pageInfo.hasNextPage, nodes };
  }, [filters.kind, filters.region, filters.department, pages, version]);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };
  const set = (change: Filters) => {
    setPages(1);
    setParams('findings', { ...filters, ...change });
  };
  return (
    <>
      <section class="panel">
        <div class="row">
          <FilterSelect
            label="地区"
            value={filters.region}
            options={(options.data?.regions ?? []).map((r) => ({ value: r.code, text: r.name }))}
            onChange={(region) => set({ region, department: undefined })}
          />
          <FilterSelect
            label="部门"
            value={filters.department}
            options={(options.data?.departments ?? []).map((d) => ({ value: d.id, text: d.name }))}
            onChange={(department) => set({ department })}
          />
          <FilterSelect
            label="问题类型"
            value={filters.kind}
            options={(options.data?.analysis.summary ?? [])
              .filter((k) => k.count > 0)
              .map((k) => ({ value: k.kind, text: `${findingLabel(k.kind)}（${k.count}）` }))}
            onChange={(kind) => set({ kind })}
          />
        </div>
      </section>
      <section class="panel">
        {findings.error ? (
          <ErrorBox error={findings.error} />
        ) : findings.loading || !findings.data ? (
          <Loading />
        ) : (
          <>
            <h2>共 {findings.data.total} 个问题</h2>
            {canEdit && <SendToLedger findings={[...chosen]} onSent={() => setChosen(new Set())} />}
            <Table
              name="问题清单"
              empty="没有符合条件的问题"
              rows={findings.data.nodes}
              columns={[
                ...(canEdit
                  ? [
                      {
                        title: '选择',
                        value: () => '',
                        render: (f: Finding) => <input type="checkbox" aria-label={`选择 ${f.id}`} checked={chosen.has(f.id)} onChange={() => toggle(f.id)} />,
                      },
                    ]
                  : []),
                { title: '问题', value: (f) => findingLabel(f.kind) },
                { title: '事项', value: (f) => f.matter?.name ?? '' },
                { title: '部门', value: (f) => f.departments.map((d) => d.name).join('、') },
                { title: '诉求', value: (f) => f.complaints, numeric: true },
                { title: '严重度', value: (f) => f.severity, numeric: true },
                {
                  title: '依据',
                  value: (f) => f.evidence.map((e) => `${e.id} ${e.text}`).join('；'),
                  render: (f) => <EvidenceList evidence={f.evidence} />,
                },
                {
                  title: '建议',
                  value: (f) => proposalOf.get(f.id)?.title ?? '',
                  render: (f) => {
                    const proposal = proposalOf.get(f.id);
                    if (!proposal) return null;
                    return (
                      <>
                        {proposal.title} {canEdit && <PublishButton id={proposal.id} onPublished={() => setVersion(version + 1)} />}
                      </>
                    );
                  },
                },
              ]}
            />
            {findings.data.more && (
              <div class="row" style="justify-content: center; margin-top: .6em">
                <button onClick={() => setPages(pages + 1)}>加载更多</button>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

/** 送整改台账: the chosen findings become problems of the year's ledger, one per department named (editors). */
function SendToLedger({ findings, onSent }: { findings: string[]; onSent: () => void }) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [deadline, setDeadline] = useState('');
  const [owner, setOwner] = useState('');
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const send = async () => {
    setError(undefined);
    try {
      const { sendFindingsToLedger: sent } = await graphql<{ sendFindingsToLedger: { added: string[]; already: number } }>(SEND, {
        year: Number(year),
        findings,
        deadline,
        owner,
      });
      setResult(`已送台账 ${sent.added.length} 项${sent.already ? `，${sent.already} 项已在台账中` : ''}`);
      onSent();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div class="row" style="margin-bottom: .6em">
      <span>选中 {findings.length} 个问题送整改台账：</span>
      <label>
        年度 <input type="text" aria-label="台账年度" size={6} value={year} onInput={(e) => setYear((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        整改期限 <input type="date" aria-label="整改期限" value={deadline} onInput={(e) => setDeadline((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        责任人 <input type="text" aria-label="责任人" size={10} value={owner} onInput={(e) => setOwner((e.target as HTMLInputElement).value)} />
      </label>
      <button onClick={send} disabled={findings.length === 0 || !deadline || !owner.trim()}>
        送台账
      </button>
      {result && <span class="ok">{result}</span>}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
