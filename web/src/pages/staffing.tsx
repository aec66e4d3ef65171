import { graphql } from '../api.js';
import { setParams } from '../route.js';
import { ErrorBox, Loading, Table, useData } from '../ui.js';

/** 编制: sections and departments side by side, workload against posts (WISN), by year. */

interface Staffing {
  staffing: {
    year: number;
    departments: { department: string; name: string; posts: number; hours: number; required: number; ratio: number | null }[];
    sections: {
      section: string;
      name: string;
      departmentName: string;
      posts: number;
      cases: number;
      hours: number;
      required: number;
      ratio: number | null;
      missingVolumes: string[];
    }[];
  };
}

const QUERY = `query Staffing($year: Int) {
  staffing(year: $year) {
    year
    departments { department name posts hours required ratio }
    sections { section name departmentName posts cases hours required ratio missingVolumes }
  }
}`;

/** A WISN ratio as the office reads it: under 0.8 short of posts, over 1.2 slack. */
function Ratio({ ratio }: { ratio: number | null }) {
  if (ratio === null) return <span class="muted">—</span>;
  const text = ratio.toFixed(2);
  return ratio < 0.8 ? <span class="bad">{text} 偏紧</span> : ratio > 1.2 ? <span class="bad">{text} 偏松</span> : <span class="ok">{text}</span>;
}

export function StaffingPage({ year }: { year?: number | undefined }) {
  const { data, error, loading } = useData(() => graphql<Staffing>(QUERY, { year: year ?? null }), [year]);
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading />;
  const s = data.staffing;
  return (
    <>
      <section class="panel">
        <div class="row">
          <label>
            年度{' '}
            <input
              type="text"
              aria-label="年度"
              size={6}
              value={String(s.year)}
              onChange={(e) => setParams('staffing', { year: (e.target as HTMLInputElement).value })}
            />
          </label>
          <span class="muted">WISN比值 = 现有编制 ÷ 按工作量需要的编制；低于0.8偏紧，高于1.2偏松</span>
        </div>
      </section>
      <section class="panel">
        <h2>部门</h2>
        <Table
          name={`编制与工作量-部门-${s.year}`}
          rows={s.departments}
          columns={[
            { title: '部门', value: (d) => d.name },
            { title: '编制', value: (d) => d.posts, numeric: true },
            { title: '工作量（小时）', value: (d) => Math.round(d.hours), numeric: true },
            { title: '需要编制', value: (d) => d.required, numeric: true },
            { title: 'WISN比值', value: (d) => d.ratio, numeric: true, render: (d) => <Ratio ratio={d.ratio} /> },
          ]}
        />
      </section>
      <section class="panel">
        <h2>内设机构</h2>
        <Table
          name={`编制与工作量-内设机构-${s.year}`}
          rows={s.sections}
          columns={[
            { title: '部门', value: (r) => r.departmentName },
            { title: '内设机构', value: (r) => r.name },
            { title: '编制', value: (r) => r.posts, numeric: true },
            { title: '办件量', value: (r) => r.cases, numeric: true },
            { title: '需要编制', value: (r) => r.required, numeric: true },
            { title: 'WISN比值', value: (r) => r.ratio, numeric: true, render: (r) => <Ratio ratio={r.ratio} /> },
            { title: '缺少办件量的事项', value: (r) => r.missingVolumes.length, numeric: true },
          ]}
        />
      </section>
    </>
  );
}
