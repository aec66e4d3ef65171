import { useState } from 'preact/hooks';
import { graphql, type ApiError } from '../api.js';
import { href, setParams } from '../route.js';
import { ErrorBox, Loading, Table, useData, YearInput } from '../ui.js';

/**
 * 评估: the yearly evaluation of how departments run their functions (docs/evaluation.md): the
 * scorecards (live for analysts, as published for everyone), the three forms and the
 * rectification ledger. An editor publishes the round from here.
 */

interface Scorecard {
  department: string;
  name: string;
  total: number;
  rank: number;
  change: number | null;
  vetoes: string[];
  problems: { indicator: string; name: string; lost: number; note: string }[];
  commendations: { text: string }[];
}
interface Scorecards {
  standardName: string;
  status: string;
  publishedAt: string | null;
  analysisAt: string | null;
  departments: Scorecard[];
}

const CARD_FIELDS = `standardName status publishedAt analysisAt departments { department name total rank change vetoes problems { indicator name lost note } commendations { text } }`;
const LIVE = `query Live($year: Int!) {
  scorecards(year: $year) { ${CARD_FIELDS} }
  evaluationForms(year: $year) { id department title status dueAt late }
  ledger(year: $year) { id department source description deadline owner status }
}`;
const PUBLISHED = `query Published($year: Int!) { publishedScorecards(year: $year) { ${CARD_FIELDS} } }`;
const PUBLISH = `mutation PublishRound($year: Int!, $allowMissing: Boolean) { publishEvaluation(year: $year, allowMissing: $allowMissing) { status publishedAt } }`;

interface Live {
  scorecards: Scorecards;
  evaluationForms: { id: string; department: string; title: string; status: string; dueAt: string; late: boolean }[];
  ledger: { id: string; department: string; source: string; description: string; deadline: string; owner: string; status: string }[];
}

const FORM_STATUS: Record<string, string> = { draft: '填报中', submitted: '已提交', returned: '已退回', accepted: '已通过' };
const PROBLEM_STATUS: Record<string, string> = { open: '整改中', closed: '已销号', reopened: '重新整改' };

export function EvaluationPage({ year, canAnalyse, canPublish }: { year: number; canAnalyse: boolean; canPublish: boolean }) {
  const [version, setVersion] = useState(0);
  const live = useData(
    () =>
      canAnalyse
        ? graphql<Live>(LIVE, { year })
        : graphql<{ publishedScorecards: Scorecards }>(PUBLISHED, { year }).then((d) => ({ scorecards: d.publishedScorecards })),
    [year, canAnalyse, version],
  );
  const [error, setError] = useState<ApiError>();
  const publish = async () => {
    if (!confirm(`发布 ${year} 年度评估结果？发布后评分标准冻结，结果存档。`)) return;
    setError(undefined);
    try {
      await graphql(PUBLISH, { year, allowMissing: false });
      setVersion(version + 1);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const data = live.data as Partial<Live> | undefined;
  const names = new Map((data?.scorecards?.departments ?? []).map((d) => [d.department, d.name]));
  return (
    <>
      <section class="panel">
        <div class="row">
          <YearInput label="评估年度" year={year} onChange={(value) => setParams('evaluation', { year: value })} />
          {data?.scorecards && (
            <span class="muted">
              {data.scorecards.standardName} ·{' '}
              {data.scorecards.status === 'published' ? `已于 ${data.scorecards.publishedAt?.slice(0, 10)} 发布` : '未发布（实时）'}
              {data.scorecards.analysisAt && ` · 问题取自 ${data.scorecards.analysisAt.slice(0, 16).replace('T', ' ')} 的分析`}
            </span>
          )}
          {canPublish && data?.scorecards?.status === 'open' && (
            <button class="primary" onClick={publish}>
              发布评估结果
            </button>
          )}
        </div>
        {error && <ErrorBox error={error} />}
      </section>
      {live.error ? (
        live.error.code === 'NOT_FOUND' ? (
          <div class="empty">
            {year} 年没有{canAnalyse ? '评估标准' : '已发布的评估结果'}。
            {canAnalyse && '导入标准：npx dutygraph evaluate standard import <标准.json>（见 docs/evaluation.md）。'}
          </div>
        ) : (
          <ErrorBox error={live.error} />
        )
      ) : live.loading || !data?.scorecards ? (
        <Loading />
      ) : (
        <>
          <section class="panel">
            <h2>评分（{data.scorecards.departments.length} 个部门）</h2>
            <Table
              name={`评估得分-${year}`}
              rows={data.scorecards.departments}
              columns={[
                { title: '名次', value: (d) => d.rank, numeric: true },
                { title: '部门', value: (d) => d.name, render: (d) => <a href={href('department', { id: d.department })}>{d.name}</a> },
                { title: '总分', value: (d) => d.total, numeric: true },
                { title: '较上年', value: (d) => (d.change === null ? '' : d.change.toFixed(1)), numeric: true },
                { title: '否决', value: (d) => d.vetoes.join('、'), render: (d) => <span class="bad">{d.vetoes.join('、')}</span> },
                {
                  title: '扣分',
                  value: (d) => d.problems.map((p) => `${p.name} -${p.lost}`).join('；'),
                  render: (d) => (
                    <details>
                      <summary>{d.problems.length} 项</summary>
                      <ul>
                        {d.problems.map((p) => (
                          <li>
                            {p.name} <span class="bad">-{p.lost}</span> <span class="muted">{p.note}</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ),
                },
                { title: '表扬', value: (d) => d.commendations.map((c) => c.text).join('；') },
              ]}
            />
          </section>
          {data.evaluationForms && data.ledger && (
            <div class="split">
              <section class="panel">
                <h2>"三张表"填报</h2>
                <Table
                  name={`评估填报-${year}`}
                  rows={data.evaluationForms}
                  empty="本年度还没有发放表格（npx dutygraph evaluate forms open）"
                  columns={[
                    { title: '部门', value: (f) => names.get(f.department) ?? f.department },
                    { title: '表格', value: (f) => f.title },
                    {
                      title: '状态',
                      value: (f) => FORM_STATUS[f.status] ?? f.status,
                      render: (f) => (
                        <span class={f.late ? 'bad' : undefined}>
                          {FORM_STATUS[f.status] ?? f.status}
                          {f.late ? '（逾期）' : ''}
                        </span>
                      ),
                    },
                    { title: '截止', value: (f) => f.dueAt.slice(0, 10) },
                  ]}
                />
              </section>
              <section class="panel">
                <h2>整改台账</h2>
                <Table
                  name={`整改台账-${year}`}
                  rows={data.ledger}
                  empty="台账中没有问题"
                  columns={[
                    { title: '部门', value: (p) => names.get(p.department) ?? p.department },
                    { title: '问题', value: (p) => p.description },
                    { title: '期限', value: (p) => p.deadline.slice(0, 10) },
                    { title: '责任人', value: (p) => p.owner },
                    { title: '状态', value: (p) => PROBLEM_STATUS[p.status] ?? p.status },
                  ]}
                />
              </section>
            </div>
          )}
        </>
      )}
    </>
  );
}
