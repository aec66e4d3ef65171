import { graphql } from '../api.js';
import { href } from '../route.js';
import { ErrorBox, findingLabel, Loading, pct, Table, useData } from '../ui.js';

/** 总览: the lists, boundary items, the hotline by month, the most severe findings. */

interface Overview {
  dashboard: {
    stale: boolean;
    totals: {
      departments: number;
      sections: number;
      powerItems: number;
      boundaryItems: number;
      complaints: number;
      satisfaction: number;
      resolvedShare: number;
    };
    powerItemsByDepartment: { department: { id: string; name: string }; count: number }[];
    complaintsByMonth: { month: string; complaints: number; bounced: number; bounceRate: number }[];
  };
  drafts: { id: string }[];
  analysis: {
    stale: boolean;
    generatedAt: string;
    refusalPairs: { refuser: { id: string; name: string }; next: { id: string; name: string }; complaints: number; rate: number }[];
    summary: { kind: string; count: number }[];
    findings: {
      edges: {
        node: { id: string; kind: string; severity: number; complaints: number; matter: { name: string } | null; departments: { id: string; name: string }[] };
      }[];
    };
  };
}

const QUERY = `query Overview($region: ID) {
  dashboard(region: $region) {
    stale
    totals { departments sections powerItems boundaryItems complaints satisfaction resolvedShare }
    powerItemsByDepartment { department { id name } count }
    complaintsByMonth { month complaints bounced bounceRate }
  }
  drafts: boundaryItems(region: $region, status: "draft") { id }
  analysis {
    stale generatedAt
    summary { kind count }
    findings(region: $region, first: 10) { edges { node { id kind severity complaints matter { name } departments { id name } } } }
    refusalPairs(first: 10) { refuser { id name } next { id name } complaints rate }
  }
}`;

export function OverviewPage({ region }: { region?: string | undefined }) {
  const { data, error, loading } = useData(() => graphql<Overview>(QUERY, { region: region ?? null }), [region]);
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading />;
  const t = data.dashboard.totals;
  // Each figure links to the rows behind it.
  const cards: [string, string | number, string][] = [
    ['部门', t.departments, href('department')],
    ['内设机构', t.sections, href('staffing')],
    ['权责事项', t.powerItems, href('department')],
    ['已发布边界事项', t.boundaryItems, href('map', { region })],
    ['边界事项草稿', data.drafts.length, href('map', { region })],
    ['问题', data.analysis.summary.reduce((n, k) => n + k.count, 0), href('findings', { region })],
    ['12345诉求', t.complaints, href('findings', { region, kind: 'BOUNCE_HOTSPOT' })],
    ['满意率', pct(t.satisfaction), href('findings', { region, kind: 'BOUNCE_HOTSPOT' })],
    ['办结率', pct(t.resolvedShare), href('findings', { region, kind: 'REFUSED_COMPLAINT' })],
  ];
  const maxMonth = Math.max(1, ...data.dashboard.complaintsByMonth.map((m) => m.complaints));
  // After a change the previous figures answer while new ones are made: say so, with their time.
  const stale = data.dashboard.stale || data.analysis.stale;
  return (
    <>
      {stale && <p class="note">数据刚有变动，以下统计和分析正在按最新数据重算（当前显示 {data.analysis.generatedAt.slice(0, 16).replace('T', ' ')} 生成的结果），稍后刷新即可。</p>}
      <div class="cards">
        {cards.map(([label, value, link]) => (
          <a class="card" href={link}>
            <div class="label">{label}</div>
            <div class="value">{value}</div>
          </a>
        ))}
      </div>
      <div class="split">
        <section class="panel">
          <h2>12345诉求与推诿（按月）</h2>
          <Table
            name="诉求按月"
            rows={data.dashboard.complaintsByMonth}
            columns={[
              { title: '月份', value: (m) => m.month },
              {
                title: '诉求',
                value: (m) => m.complaints,
                numeric: true,
                render: (m) => (
                  <>
                    <span class="bar" style={`width:${(60 * m.complaints) / maxMonth}px`} /> {m.complaints}
                  </>
                ),
              },
              { title: '推诿流转', value: (m) => m.bounced, numeric: true },
              {
                title: '推诿率',
                value: (m) => pct(m.bounceRate),
                numeric: true,
                render: (m) => <span class={m.bounceRate > 0.2 ? 'bad' : undefined}>{pct(m.bounceRate)}</span>,
              },
            ]}
          />
        </section>
        <section class="panel">
          <h2>
            最严重的问题 <a href={href('findings', { region })}>查看全部</a>
          </h2>
          <Table
            name="最严重的问题"
            rows={data.analysis.findings.edges.map((e) => e.node)}
            columns={[
              {
                title: '问题',
                value: (f) => findingLabel(f.kind),
                render: (f) => <a href={href('findings', { region, kind: f.kind })}>{findingLabel(f.kind)}</a>,
              },
              { title: '事项', value: (f) => f.matter?.name ?? '' },
              { title: '部门', value: (f) => f.departments.map((d) => d.name).join('、') },
              { title: '诉求', value: (f) => f.complaints, numeric: true },
              { title: '严重度', value: (f) => f.severity, numeric: true },
            ]}
          />
        </section>
      </div>
      <section class="panel">
        <h2>推诿最多的部门</h2>
        <Table
          name="推诿最多的部门"
          rows={data.analysis.refusalPairs}
          empty="没有推诿"
          columns={[
            { title: '推出部门', value: (p) => p.refuser.name, render: (p) => <a href={href('department', { id: p.refuser.id })}>{p.refuser.name}</a> },
            { title: '转至部门', value: (p) => p.next.name, render: (p) => <a href={href('department', { id: p.next.id })}>{p.next.name}</a> },
            {
              title: '推诿诉求',
              value: (p) => p.complaints,
              numeric: true,
              render: (p) => <a href={href('map', { a: p.refuser.id, b: p.next.id })}>{p.complaints}</a>,
            },
            { title: '占其派单', value: (p) => pct(p.rate), numeric: true },
          ]}
        />
      </section>
      <section class="panel">
        <h2>权责事项（按部门）</h2>
        <Table
          name="权责事项按部门"
          rows={data.dashboard.powerItemsByDepartment}
          columns={[
            { title: '部门', value: (d) => d.department.name, render: (d) => <a href={href('department', { id: d.department.id })}>{d.department.name}</a> },
            { title: '权责事项', value: (d) => d.count, numeric: true },
          ]}
        />
      </section>
    </>
  );
}
