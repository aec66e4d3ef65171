import { useState } from 'preact/hooks';
import { graphql, type ApiError } from '../api.js';
import { setParams } from '../route.js';
import { ErrorBox } from '../ui.js';

/** 派单台: paste a complaint (and its district), see the department, why, and the candidates; record what happened. */

interface Answer {
  status: 'ASSIGNED' | 'UNASSIGNED';
  lead: { id: string; name: string } | null;
  cooperating: { id: string; name: string }[];
  matter: { id: string; name: string } | null;
  confidence: number;
  via: string;
  evidence: { id: string; text: string }[];
  candidates: { id: string; name: string; score: number }[];
}

const QUERY = `query Dispatch($text: String!, $district: String) {
  dispatch(text: $text, district: $district) {
    status lead { id name } cooperating { id name } matter { id name } confidence via
    evidence { id text } candidates { id name score }
  }
}`;

const VIA: Record<string, string> = {
  BOUNDARY_ITEM: '职责边界清单',
  POWER_ITEM: '权责清单',
  TASK: '职责任务清单',
  HISTORY: '历史派单',
  COORDINATOR: '无明确责任部门，由统筹部门受理',
};

interface Asked {
  text: string;
  answer: Answer;
  ms: number;
}

export function DispatchPage({ district }: { district?: string | undefined }) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<Asked[]>([]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  /** Answers so far in this tab (the list keeps the last 20). */
  const [count, setCount] = useState(0);
  const ask = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    const started = performance.now();
    try {
      const { dispatch } = await graphql<{ dispatch: Answer }>(QUERY, { text, district: district || null });
      setAsked([{ text, answer: dispatch, ms: Math.round(performance.now() - started) }, ...asked].slice(0, 20));
      setCount(count + 1);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const latest = asked[0];
  return (
    <div class="split">
      <section class="panel">
        <h2>诉求内容</h2>
        <textarea aria-label="诉求内容" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} placeholder="粘贴市民来电或来信的内容" />
        <div class="row" style="margin-top: .6em">
          <label>
            所在区县代码{' '}
            <input
              type="text"
              aria-label="区县代码"
              value={district ?? ''}
              onInput={(e) => setParams('dispatch', { district: (e.target as HTMLInputElement).value })}
              size={10}
            />
          </label>
          <button class="primary" onClick={ask} disabled={busy}>
            派单
          </button>
        </div>
        {error && <ErrorBox error={error} />}
        <h2 style="margin-top: 1em">最近的派单</h2>
        {asked.length === 0 ? (
          <div class="empty">还没有派单</div>
        ) : (
          <table>
            <tbody>
              {asked.map((a) => (
                <tr>
                  <td>{a.text.slice(0, 40)}</td>
                  <td>{a.answer.lead?.name ?? '—'}</td>
                  <td class="num muted">{a.ms} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="panel answer" aria-live="polite" data-asked={count}>
        <h2>派单结果</h2>
        {!latest ? (
          <div class="empty">粘贴诉求内容后点击“派单”</div>
        ) : (
          <>
            <div class="lead" data-testid="lead">
              {latest.answer.lead?.name ?? '无责任部门'}
            </div>
            <p>
              {latest.answer.status === 'ASSIGNED' ? '依据：' : ''}
              {VIA[latest.answer.via] ?? latest.answer.via}
              {latest.answer.matter ? `；事项：${latest.answer.matter.name}` : ''}；把握 {(latest.answer.confidence * 100).toFixed(0)}%
            </p>
            {latest.answer.cooperating.length > 0 && <p>配合部门：{latest.answer.cooperating.map((d) => d.name).join('、')}</p>}
            <h2>依据</h2>
            <ul>
              {latest.answer.evidence.map((e) => (
                <li>
                  <span class="muted">{e.id}</span> {e.text}
                </li>
              ))}
            </ul>
            <h2>候选部门</h2>
            <table>
              <tbody>
                {latest.answer.candidates.map((c) => (
                  <tr>
                    <td>{c.name}</td>
                    <td class="num">{c.score.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
