import { useState } from 'preact/hooks';
import { graphql } from '../api.js';
import { setParams } from '../route.js';
import { ErrorBox, FilterSelect, findingLabel, Loading, Table, useData } from '../ui.js';

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

const OPTIONS = `query FindingFilters($region: String) {
  regions { code name }
  departments(region: $region) { id name }
  analysis { summary { kind count } }
}`;

/** A page of findings: as many as the API's query-cost limit allows with their evidence. */
const PAGE_SIZE = 25;

const FINDINGS = `query Findings($kind: FindingKind, $region: ID, $department: ID, $after: String) {
  analysis {
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

export function FindingsPage({ filters }: { filters: Filters }) {
  const options = useData(
    () =>
      graphql<{
        regions: { code: string; name: string }[];
        departments: { id: string; name: string }[];
        analysis: { summary: { kind: string; count: number }[] };
      }>(OPTIONS, {
        region: filters.region ?? null,
      }),
    [filters.region],
  );
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
        })
      ).analysis.findings;
      nodes.push(...page.edges.map((e) => e.node));
    }
    return { total: page!.totalCount, more: page!.pageInfo.hasNextPage, nodes };
  }, [filters.kind, filters.region, filters.department, pages]);
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
            <Table
              name="问题清单"
              empty="没有符合条件的问题"
              rows={findings.data.nodes}
              columns={[
                { title: '问题', value: (f) => findingLabel(f.kind) },
                { title: '事项', value: (f) => f.matter?.name ?? '' },
                { title: '部门', value: (f) => f.departments.map((d) => d.name).join('、') },
                { title: '诉求', value: (f) => f.complaints, numeric: true },
                { title: '严重度', value: (f) => f.severity, numeric: true },
                {
                  title: '依据',
                  value: (f) => f.evidence.map((e) => `${e.id} ${e.text}`).join('；'),
                  render: (f) => (
                    <details>
                      <summary>{f.evidence.length} 条</summary>
                      <ul>
                        {f.evidence.map((e) => (
                          <li>
                            <span class="muted">{e.id}</span> {e.text}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ),
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
