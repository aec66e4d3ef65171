import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FindingKind } from '../../src/analysis/findings.js';
import { KIND_LABELS } from '../../src/analysis/kind-labels.js';
import { ApiError } from './api.js';
import { downloadCsv } from './csv.js';

/** Loading, error and empty states, the same on every page. */

export function useData<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: ApiError; loading: boolean } {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: error instanceof ApiError ? error : new ApiError('CLIENT', String(error)), loading: false }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

export function ErrorBox({ error }: { error: ApiError }) {
  return (
    <div class="error" role="alert">
      {error.message}
    </div>
  );
}

export function Loading() {
  return <div class="empty">正在加载…</div>;
}

export const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Rows a table draws before it asks: hundreds of rows cost the first paint and nobody reads them at once. */
const FIRST_ROWS = 100;

/** A table with a CSV export of all its rows; past FIRST_ROWS, the rest are drawn when asked for. */
export function Table<R>(props: {
  name: string;
  columns: { title: string; value: (row: R) => string | number | null; numeric?: boolean; render?: (row: R) => ComponentChildren }[];
  rows: R[];
  empty?: string;
}) {
  const [all, setAll] = useState(false);
  if (props.rows.length === 0) return <div class="empty">{props.empty ?? '没有数据'}</div>;
  const shown = all ? props.rows : props.rows.slice(0, FIRST_ROWS);
  return (
    <>
      <div class="row" style="justify-content: flex-end">
        <button
          onClick={() =>
            downloadCsv(
              `${props.name}.csv`,
              props.columns.map((c) => c.title),
              props.rows.map((r) => props.columns.map((c) => c.value(r))),
            )
          }
        >
          导出 CSV
        </button>
      </div>
      <table>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th class={c.numeric ? 'num' : undefined}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr>
              {props.columns.map((c) => (
                <td class={c.numeric ? 'num' : undefined}>{c.render ? c.render(row) : c.value(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < props.rows.length && (
        <div class="row" style="justify-content: center; margin-top: .6em">
          <button onClick={() => setAll(true)}>显示全部（共 {props.rows.length} 行）</button>
        </div>
      )}
    </>
  );
}

/** A finding kind as the API names it (LATENT_OVERLAP), in the analysts' words. */
export const findingLabel = (kind: string) => KIND_LABELS[kind.toLowerCase().replace(/_/g, '-') as FindingKind] ?? kind;

/** A filter: a labelled select whose first option (全部 unless `blank` says otherwise) means no filter (undefined). */
export function FilterSelect(props: {
  label: string;
  value: string | undefined;
  options: { value: string; text: string }[];
  onChange: (value: string | undefined) => void;
  blank?: string;
}) {
  return (
    <label>
      {props.label}{' '}
      <select aria-label={props.label} value={props.value ?? ''} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value || undefined)}>
        <option value="">{props.blank ?? '全部'}</option>
        {props.options.map((o) => (
          <option value={o.value}>{o.text}</option>
        ))}
      </select>
    </label>
  );
}

/** The records behind a finding or proposal, folded under a count. */
export function EvidenceList({ evidence }: { evidence: { id: string; text: string }[] }) {
  return (
    <details>
      <summary>{evidence.length} 条依据</summary>
      <ul>
        {evidence.map((e) => (
          <li>
            <span class="muted">{e.id}</span> {e.text}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A year field whose change (on leaving it or Enter) goes to the URL through onChange. */
export function YearInput(props: { label: string; year: number | undefined; onChange: (year: string) => void }) {
  return (
    <label>
      年度{' '}
      <input
        type="text"
        aria-label={props.label}
        size={6}
        value={props.year ? String(props.year) : ''}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
