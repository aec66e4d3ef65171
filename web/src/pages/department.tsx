import { graphql } from '../api.js';
import { href, setParams } from '../route.js';
import { ErrorBox, EvidenceList, findingLabel, Loading, pct, Table, useData, YearInput } from '../ui.js';
import { Ratio } from './staffing.js';

/**
 * 部门: one department on one page: its items, sections with posts and workload, the boundary
 * items it leads or cooperates on, its findings, and (for analysts) its hotline figures by month.
 */

interface DepartmentView {
  department: {
    id: string;
    name: string;
    coordinator: boolean;
    region: { code: string; name: string };
    sections: { id: string; name: string; posts: number; staffed: number | null }[];
    powerItems: { code: string; name: string; type: string }[];
    boundaryItems: { id: string; title: string; status: string; lead: { id: string; name: string } | null; cooperating: { id: string; name: string }[] }[];
  } | null;
  staffing: { year: number; sections: { section: string; cases: number; required: number; ratio: number | null }[] };
  analysis: {
    findings: {
      totalCount: number;
      edges: {
        node: { id: string; kind: string; severity: number; complaints: number; matter: { name: string } | null; evidence: { id: string; text: string }[] };
      }[];
    };
  };
}

const QUERY = `query Department($id: ID!) {
  department(id: $id) {
    id name coordinator region { code name }
    sections { id name posts staffed }
    powerItems { code name type }
    boundaryItems { id title status lead { id name } cooperating { id name } }
  }
  staffing(departments: [$id]) { year sections { section cases required ratio } }
  analysis { findings(department: $id, first: 20) { totalCount edges { node { id kind severity complaints matter { name } evidence { id text } } } } }
}`;

interface Hotline {
  hotlineFigures: {
    departments: {
      months: {
        month: number;
        reached: number;
        connection: number | null;
        onTimeRate: number | null;
        satisfaction: number | null;
        bounce: number | null;
        meetsConnection: boolean | null;
        meetsOnTime: boolean | null;
        meetsSatisfaction: boolean | null;
      }[];
    }[];
  };
}

const HOTLINE = `query DepartmentHotline($year: Int!, $id: ID!) {
  hotlineFigures(year: $year, departments: [$id]) {
    departments { months { month reached connection onTimeRate satisfaction bounce meetsConnection meetsOnTime meetsSatisfaction } }
  }
}`;

const TYPE_NAMES: Record<string, string> = {
  LICENSING: '行政许可',
  PENALTY: '行政处罚',
  COERCION: '行政强制',
  LEVY: '行政征收',
  BENEFIT: '行政给付',
  INSPECTION: '行政检查',
  CONFIRMATION: '行政确认',
  REWARD: '行政奖励',
  ADJUDICATION: '行政裁决',
  OTHER: '其他',
};

const STATUS_NAMES: Record<string, string> = { draft: '草稿', published: '已发布', retired: '已废止' };

export function DepartmentPage(props: { id?: string | undefined; year?: number | undefined; canAnalyse: boolean }) {
  return props.id ? <OneDepartment {...props} id={props.id} /> : <DepartmentIndex />;
}

/** Every department, to pick one from (the name links to its page). */
function DepartmentIndex() {
  const { data, error, loading } = useData(
    () =>
      graphql<{ departments: { id: string; name: string; region: { name: string } }[] }>(`
        {
          departments {
            id
            name
            region {
              name
            }
          }
        }
      `),
    [],
  );
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <section class="panel">
      <h2>部门（{data.departments.length}）</h2>
      <Table
        name="部门"
        rows={data.departments}
        columns={[
          { title: '部门', value: (d) => d.name, render: (d) => <a href={href('department', { id: d.id })}>{d.name}</a> },
          { title: '地区', value: (d) => d.region.name },
        ]}
      />
    </section>
  );
}

function OneDepartment({ id, year, canAnalyse }: { id: string; year?: number | undefined; canAnalyse: boolean }) {
  const { data, error, loading } = useData(() => graphql<DepartmentView>(QUERY, { id }), [id]);
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading />;
  const d = data.department;
  if (!d) return <div class="empty">没有编号为 {id} 的部门</div>;
  const workload = new Map(data.staffing.sections.map((s) => [s.section, s]));
  const findings = data.analysis.findings;
  return (
    <>
      <section class="panel">
        <h2>
          {d.name} <span class="muted">{d.region.name}</span>
          {d.coordinator && <span class="muted">统筹受理部门</span>}
        </h2>
        <div class="cards">
          {(
            [
              ['权责事项', d.powerItems.length],
              ['内设机构', d.sections.length],
              ['编制', d.sections.reduce((n, s) => n + s.posts, 0)],
              ['边界事项', d.boundaryItems.length],
              ['问题', findings.totalCount],
            ] as const
          ).map(([label, value]) => (
            <div class="card">
              <div class="label">{label}</div>
              <div class="value">{value}</div>
            </div>
          ))}
        </div>
      </section>
      <div class="split">
        <section class="panel">
          <h2>内设机构（{data.staffing.year} 年工作量）</h2>
          <Table
            name={`${d.name}-内设机构`}
            rows={d.sections}
            columns={[
              { title: '内设机构', value: (s) => s.name },
              { title: '编制', value: (s) => s.posts, numeric: true },
              { title: '实有', value: (s) => s.staffed, numeric: true },
              { title: '办件量', value: (s) => workload.get(s.id)?.cases ?? null, numeric: true },
              { title: '需要编制', value: (s) => workload.get(s.id)?.required ?? null, numeric: true },
              {
                title: 'WISN比值',
                value: (s) => workload.get(s.id)?.ratio ?? null,
                numeric: true,
                render: (s) => <Ratio ratio={workload.get(s.id)?.ratio ?? null} />,
              },
            ]}
          />
        </section>
        <section class="panel">
          <h2>职责边界清单</h2>
          <Table
            name={`${d.name}-边界事项`}
            rows={d.boundaryItems}
            empty="不牵头也不配合任何边界事项"
            columns={[
              { title: '事项', value: (b) => b.title },
              { title: '角色', value: (b) => (b.lead?.id === d.id ? '牵头' : '配合') },
              { title: '牵头部门', value: (b) => b.lead?.name ?? '' },
              { title: '状态', value: (b) => STATUS_NAMES[b.status] ?? b.status },
            ]}
          />
        </section>
      </div>
      <section class="panel">
        <h2>
          问题（{findings.totalCount}） <a href={href('findings', { department: d.id })}>查看全部</a> <a href={href('map', { node: d.id })}>在边界图中查看</a>
        </h2>
        <Table
          name={`${d.name}-问题`}
          rows={findings.edges.map((e) => e.node)}
          empty="没有发现问题"
          columns={[
            { title: '问题', value: (f) => findingLabel(f.kind) },
            { title: '事项', value: (f) => f.matter?.name ?? '' },
            { title: '诉求', value: (f) => f.complaints, numeric: true },
            { title: '严重度', value: (f) => f.severity, numeric: true },
            { title: '依据', value: (f) => f.evidence.map((e) => `${e.id} ${e.text}`).join('；'), render: (f) => <EvidenceList evidence={f.evidence} /> },
          ]}
        />
      </section>
      {canAnalyse && <HotlinePanel id={d.id} name={d.name} region={d.region.code} year={year} />}
      <section class="panel">
        <h2>权责清单（{d.powerItems.length}）</h2>
        <Table
          name={`${d.name}-权责清单`}
          rows={d.powerItems}
          columns={[
            { title: '编码', value: (p) => p.code },
            { title: '事项名称', value: (p) => p.name },
            { title: '类型', value: (p) => TYPE_NAMES[p.type] ?? p.type },
          ]}
        />
      </section>
    </>
  );
}

const LATEST_MONTH = `query LatestMonth($region: ID) { dashboard(region: $region) { complaintsByMonth { month } } }`;

/** 12345 figures by month against the 99% / 99% / 90% marks (analysts and above), of the year asked or the region's latest. */
function HotlinePanel(props: { id: string; name: string; region: string; year?: number | undefined }) {
  const { id, name } = props;
  const { data, error, loading } = useData(async () => {
    let year = props.year;
    if (!year) {
      const months = (await graphql<{ dashboard: { complaintsByMonth: { month: string }[] } }>(LATEST_MONTH, { region: props.region })).dashboard
        .complaintsByMonth;
      year =
        Number(
          months
            .map((m) => m.month)
            .sort()
            .pop()
            ?.slice(0, 4),
        ) || new Date().getFullYear();
    }
    return { year, ...(await graphql<Hotline>(HOTLINE, { id, year })) };
  }, [id, props.year]);
  const year = props.year ?? data?.year;
  const mark = (rate: number | null, meets: boolean | null) => <span class={meets === false ? 'bad' : undefined}>{pct(rate)}</span>;
  return (
    <section class="panel">
      <h2>
        12345诉求办理
        <YearInput label="诉求年度" year={year} onChange={(value) => setParams('department', { id, year: value })} />
      </h2>
      {error ? (
        <ErrorBox error={error} />
      ) : loading || !data ? (
        <Loading />
      ) : (
        <Table
          name={`${name}-12345-${year}`}
          rows={(data.hotlineFigures.departments[0]?.months ?? []).filter((m) => m.reached > 0)}
          empty={`${year} 年没有诉求`}
          columns={[
            { title: '月份', value: (m) => m.month },
            { title: '诉求', value: (m) => m.reached, numeric: true },
            { title: '联系率', value: (m) => pct(m.connection), numeric: true, render: (m) => mark(m.connection, m.meetsConnection) },
            { title: '按时办结率', value: (m) => pct(m.onTimeRate), numeric: true, render: (m) => mark(m.onTimeRate, m.meetsOnTime) },
            { title: '满意率', value: (m) => pct(m.satisfaction), numeric: true, render: (m) => mark(m.satisfaction, m.meetsSatisfaction) },
            { title: '推诿率', value: (m) => pct(m.bounce), numeric: true },
          ]}
        />
      )}
    </section>
  );
}
