import { useState } from 'preact/hooks';
import { graphql, type ApiError } from '../api.js';
import { href, setParams } from '../route.js';
import { ErrorBox, FilterSelect, Loading, Table, useData, YearInput } from '../ui.js';

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
export function Ratio({ ratio }: { ratio: number | null }) {
  if (ratio === null) return <span class="muted">—</span>;
  const text = ratio.toFixed(2);
  return ratio < 0.8 ? <span class="bad">{text} 偏紧</span> : ratio > 1.2 ? <span class="bad">{text} 偏松</span> : <span class="ok">{text}</span>;
}

export function StaffingPage({ year, canAnalyse, canApply }: { year?: number | undefined; canAnalyse: boolean; canApply: boolean }) {
  const [version, setVersion] = useState(0);
  const { data, error, loading } = useData(() => graphql<Staffing>(QUERY, { year: year ?? null }), [year, version]);
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading />;
  const s = data.staffing;
  return (
    <>
      <section class="panel">
        <div class="row">
          <YearInput label="年度" year={s.year} onChange={(value) => setParams('staffing', { year: value })} />
          <span class="muted">WISN比值 = 现有编制 ÷ 按工作量需要的编制；低于0.8偏紧，高于1.2偏松</span>
        </div>
      </section>
      {canAnalyse && (
        <div class="split">
          <TransferPanel year={s.year} departments={s.departments} canApply={canApply} onApplied={() => setVersion(version + 1)} />
          <SuggestionsPanel year={s.year} />
        </div>
      )}
      <section class="panel">
        <h2>部门</h2>
        <Table
          name={`编制与工作量-部门-${s.year}`}
          rows={s.departments}
          columns={[
            { title: '部门', value: (d) => d.name, render: (d) => <a href={href('department', { id: d.department })}>{d.name}</a> },
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

interface Transfer {
  item: { code: string; name: string };
  fromSection: string;
  toSection: string;
  share: number;
  exactPosts: number;
  posts: number;
  before: { from: SectionStanding; to: SectionStanding };
  after: { from: SectionStanding; to: SectionStanding };
}
interface SectionStanding {
  name: string;
  posts: number;
  required: number;
  ratio: number | null;
}

const SIDES = 'from { name posts required ratio } to { name posts required ratio }';
const TRANSFER_FIELDS = `item { code name } fromSection toSection share exactPosts posts before { ${SIDES} } after { ${SIDES} }`;
const PREVIEW = `query Preview($item: ID!, $to: ID!, $year: Int) { staffingTransferPreview(item: $item, to: $to, year: $year) { ${TRANSFER_FIELDS} } }`;
const APPLY = `mutation Apply($item: ID!, $to: ID!, $year: Int) { applyStaffingTransfer(item: $item, to: $to, year: $year) { ${TRANSFER_FIELDS} } }`;

interface Suggestion {
  moves: { from: { name: string; ratioBefore: number; ratioAfter: number }; to: { name: string; ratioBefore: number; ratioAfter: number }; posts: number }[];
  before: { meanDistance: number; short: number; slack: number };
  after: { meanDistance: number; short: number; slack: number };
}
const SUGGEST = `query Suggest($year: Int, $across: Boolean) {
  staffingSuggestions(year: $year, acrossDepartments: $across) {
    moves { from { name ratioBefore ratioAfter } to { name ratioBefore ratioAfter } posts }
    before { meanDistance short slack } after { meanDistance short slack }
  }
}`;

/** 划转: what moves with a power item given to another department (preview; an editor applies it). */
export function TransferPanel({
  year,
  departments,
  canApply,
  onApplied,
}: {
  year: number;
  departments: { department: string; name: string }[];
  canApply: boolean;
  onApplied: () => void;
}) {
  const [item, setItem] = useState('');
  const [to, setTo] = useState<string>();
  const [result, setResult] = useState<{ transfer: Transfer; applied: boolean }>();
  const [error, setError] = useState<ApiError>();
  const run = async (apply: boolean) => {
    setError(undefined);
    if (apply && !confirm(`确认将事项 ${item} 及其编制划转到所选部门？此操作会修改清单。`)) return;
    try {
      const data = await graphql<{ staffingTransferPreview?: Transfer; applyStaffingTransfer?: Transfer }>(apply ? APPLY : PREVIEW, {
        item: item.trim(),
        to,
        year,
      });
      setResult({ transfer: (data.applyStaffingTransfer ?? data.staffingTransferPreview)!, applied: apply });
      if (apply) onApplied();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const t = result?.transfer;
  const side = (label: string, s: SectionStanding, after: SectionStanding) => (
    <tr>
      <td>{label}</td>
      <td>{s.name}</td>
      <td class="num">
        {s.posts} → {after.posts}
      </td>
      <td class="num">
        <Ratio ratio={s.ratio} /> → <Ratio ratio={after.ratio} />
      </td>
    </tr>
  );
  return (
    <section class="panel">
      <h2>职责划转预演</h2>
      <div class="row">
        <label>
          权责事项编码 <input type="text" aria-label="权责事项编码" value={item} onInput={(e) => setItem((e.target as HTMLInputElement).value)} size={16} />
        </label>
        <FilterSelect label="划入部门" blank="请选择" value={to} options={departments.map((d) => ({ value: d.department, text: d.name }))} onChange={setTo} />
        <button onClick={() => run(false)} disabled={!item.trim() || !to}>
          预览
        </button>
        {canApply && (
          <button class="primary" onClick={() => run(true)} disabled={!item.trim() || !to || !result || result.applied}>
            执行划转
          </button>
        )}
      </div>
      {error && <ErrorBox error={error} />}
      {t && (
        <>
          <p>
            {result.applied ? '已划转' : '预览'}：{t.item.name}（占原科室工作量 {(t.share * 100).toFixed(1)}%），随事项划转编制 <strong>{t.posts}</strong>{' '}
            名（精确值 {t.exactPosts.toFixed(2)}）
          </p>
          <table>
            <tbody>
              {side('划出', t.before.from, t.after.from)}
              {side('划入', t.before.to, t.after.to)}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** 调剂建议: single-post moves from slack to short sections (analysts). */
export function SuggestionsPanel({ year }: { year: number }) {
  const [across, setAcross] = useState(false);
  const [asked, setAsked] = useState(false);
  const { data, error, loading } = useData(
    () => (asked ? graphql<{ staffingSuggestions: Suggestion }>(SUGGEST, { year, across }) : Promise.resolve(undefined)),
    [asked, year, across],
  );
  const s = data?.staffingSuggestions;
  return (
    <section class="panel">
      <h2>编制调剂建议</h2>
      <div class="row">
        <label>
          <input type="checkbox" checked={across} onChange={(e) => setAcross((e.target as HTMLInputElement).checked)} /> 允许跨部门调剂
        </label>
        <button onClick={() => setAsked(true)}>生成建议</button>
      </div>
      {error ? (
        <ErrorBox error={error} />
      ) : !asked ? null : loading || !s ? (
        <Loading />
      ) : (
        <>
          <p>
            调剂后偏紧 {s.before.short} → {s.after.short} 个科室，偏松 {s.before.slack} → {s.after.slack} 个，平均偏离 {s.before.meanDistance.toFixed(2)} →{' '}
            {s.after.meanDistance.toFixed(2)}
          </p>
          <Table
            name={`编制调剂建议-${year}`}
            rows={s.moves}
            empty="没有可以改善比值的调剂"
            columns={[
              { title: '调出科室', value: (m) => m.from.name },
              { title: '比值', value: (m) => `${m.from.ratioBefore.toFixed(2)} → ${m.from.ratioAfter.toFixed(2)}`, numeric: true },
              { title: '调入科室', value: (m) => m.to.name },
              { title: '比值', value: (m) => `${m.to.ratioBefore.toFixed(2)} → ${m.to.ratioAfter.toFixed(2)}`, numeric: true },
              { title: '编制', value: (m) => m.posts, numeric: true },
            ]}
          />
        </>
      )}
    </section>
  );
}
