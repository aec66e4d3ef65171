import { graphql } from '../api.js';
import { href } from '../route.js';
import { ErrorBox, findingLabel, Loading, pct, Table, useData } from '../ui.js';

/** 总览: the lists, boundary items, the hotline by month, the most severe findings. */

interface Overview {
  dashboard: {
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
  analysis: {
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
    totals { departments sections powerItems boundaryItems complaints satisfaction resolvedShare }
    powerItemsByDepartment { department { id name } count }
    complaintsByMonth { month complaints bounced bounceRate }
  }
  analysis { summary { kind count } findings(region: $region, first: 10) { edges { node { id kind severity complaints matter { name } departments { id name } } } } }
}`;

export function OverviewPage({ region }: { region?: string | undefined }) {
  const { data, error, loading } = useData(() => graphql<Overview>(QUERY, { region: region ?? null }), [region]);
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading />;
  const t = data.dashboard.totals;
  const cards: [string, string | number][] = [
    ['部门', t.departments],
    ['内设机构', t.sections],
    ['权责事项', t.powerItems],
    ['已发布边界事项', t.boundaryItems],
    ['12345诉求', t.complaints],
    ['满意率', pct(t.satisfaction)],
    ['办结率', pct(t.resolvedShare)],
  ];
  const maxMonth = Math.max(1, ...data.dashboard.complaintsByMonth.map((m) => m.complaints));
  return (
    <>
      <div class="cards">
        {cards.map(([label, value]) => (
          <div class="card">
            <div class="label">{label}</div>
            <div class="value">{value}</div>
          </div>
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
              { title: '问题', value: (f) => findingLabel(f.kind) },
              { title: '事项', value: (f) => f.matter?.name ?? '' },
              { title: '部门', value: (f) => f.departments.map((d) => d.name).join('、') },
              { title: '诉求', value: (f) => f.complaints, numeric: true },
              { title: '严重度', value: (f) => f.severity, numeric: true },
            ]}
          />
        </section>
      </div>
      <section class="panel">
        <h2>权责事项（按部门）</h2>
        <Table
          name="权责事项按部门"
          rows={data.dashboard.powerItemsByDepartment}
          columns={[
            { title: '部门', value: (d) => d.department.name },
            { title: '权责事项', value: (d) => d.count, numeric: true },
          ]}
        />
      </section>
    </>
  );
}
