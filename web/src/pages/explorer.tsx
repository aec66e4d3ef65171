import { useState } from 'preact/hooks';
import { ApiError, graphql } from '../api.js';
import { ErrorBox, Loading, useData } from '../ui.js';

/**
 * 接口调试: an offline GraphQL explorer for engineers. It runs queries with the signed-in token
 * against this server and lists the schema's root fields with their descriptions (from
 * introspection); nothing is loaded from the internet.
 */

interface Field {
  name: string;
  description: string | null;
  args: { name: string }[];
}

const SCHEMA = `{ __schema { queryType { fields { name description args { name } } } mutationType { fields { name description args { name } } } } }`;

export function ExplorerPage() {
  const schema = useData(() => graphql<{ __schema: { queryType: { fields: Field[] }; mutationType: { fields: Field[] } | null } }>(SCHEMA), []);
  const [query, setQuery] = useState('{ regions { code name } }');
  const [variables, setVariables] = useState('{}');
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const run = async () => {
    setError(undefined);
    try {
      setResult(JSON.stringify(await graphql(query, JSON.parse(variables || '{}') as Record<string, unknown>), null, 2));
    } catch (e) {
      setResult(undefined);
      setError(e instanceof SyntaxError ? new ApiError('BAD_USER_INPUT', `变量不是有效的 JSON：${e.message}`) : (e as ApiError));
    }
  };
  const fields = (title: string, list: Field[] | undefined) => (
    <>
      <h2>{title}</h2>
      <ul>
        {(list ?? []).map((f) => (
          <li>
            <a href="#/graphql" onClick={() => setQuery(`{ ${f.name}${f.args.length ? `(${f.args.map((a) => `${a.name}: `).join(', ')})` : ''} }`)}>
              <code>{f.name}</code>
            </a>{' '}
            <span class="muted">{f.description ?? ''}</span>
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <div class="split">
      <section class="panel">
        <h2>查询</h2>
        <textarea
          aria-label="查询"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLTextAreaElement).value)}
          style="font-family: monospace; min-height: 12em"
        />
        <h2>变量（JSON）</h2>
        <textarea
          aria-label="变量"
          value={variables}
          onInput={(e) => setVariables((e.target as HTMLTextAreaElement).value)}
          style="font-family: monospace; min-height: 4em"
        />
        <div class="row" style="margin-top: .6em">
          <button class="primary" onClick={run}>
            执行
          </button>
        </div>
        {error && <ErrorBox error={error} />}
        {result && <pre aria-label="结果">{result}</pre>}
      </section>
      <section class="panel">
        {schema.error ? (
          <ErrorBox error={schema.error} />
        ) : !schema.data ? (
          <Loading />
        ) : (
          <>
            {fields('查询字段', schema.data.__schema.queryType.fields)}
            {fields('变更字段', schema.data.__schema.mutationType?.fields)}
          </>
        )}
      </section>
    </div>
  );
}
