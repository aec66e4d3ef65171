import { render } from 'preact';
import { useState } from 'preact/hooks';
import { graphql, saveToken, savedToken } from './api.js';
import { DepartmentPage } from './pages/department.js';
import { DispatchPage } from './pages/dispatch.js';
import { EvaluationPage } from './pages/evaluation.js';
import { ExplorerPage } from './pages/explorer.js';
import { FindingsPage } from './pages/findings.js';
import { OverviewPage } from './pages/overview.js';
import { StaffingPage } from './pages/staffing.js';
import type { MapPageProps } from './pages/map.js';
import { href, useRoute } from './route.js';
import { ErrorBox, Loading, useData } from './ui.js';

/**
 * The dutygraph web app: one page per task, reading only the GraphQL API. The caller's role
 * (whoami) decides which pages the navigation offers; the API checks every call anyway.
 */

const ROLES = ['VIEWER', 'DISPATCHER', 'ANALYST', 'EDITOR', 'ADMIN'];
const PAGES: { page: string; title: string; role: string }[] = [
  { page: 'overview', title: '总览', role: 'VIEWER' },
  { page: 'map', title: '边界图', role: 'VIEWER' },
  { page: 'findings', title: '发现', role: 'VIEWER' },
  { page: 'department', title: '部门', role: 'VIEWER' },
  { page: 'staffing', title: '编制', role: 'VIEWER' },
  { page: 'evaluation', title: '评估', role: 'VIEWER' },
  { page: 'dispatch', title: '派单台', role: 'DISPATCHER' },
  { page: 'graphql', title: '接口调试', role: 'VIEWER' },
];
const ROLE_NAMES: Record<string, string> = { VIEWER: '查看', DISPATCHER: '派单', ANALYST: '分析', EDITOR: '编辑', ADMIN: '管理' };

interface Whoami {
  role: string;
  actor: string;
  department: string | null;
}

function SignIn({ onToken }: { onToken: (token: string) => void }) {
  const [token, setToken] = useState('');
  return (
    <section class="panel" style="max-width: 32em">
      <h2>登录</h2>
      <p>粘贴管理员为您创建的访问令牌（dutygraph token create）。令牌只保存在本页面的会话中。</p>
      <div class="row">
        <input type="password" aria-label="访问令牌" value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} size={40} />
        <button class="primary" onClick={() => onToken(token.trim())}>
          登录
        </button>
      </div>
    </section>
  );
}

/** The boundary map brings sigma.js and graphology (most of the app's code): loaded when first opened. */
function LazyMapPage(props: MapPageProps) {
  const module = useData(() => import('./pages/map.js'), []);
  if (module.error) return <ErrorBox error={module.error} />;
  return module.data ? <module.data.MapPage {...props} /> : <Loading />;
}

/** The named parameters of the URL, undefined where absent. */
function paramsOf<K extends string>(params: URLSearchParams, ...names: K[]): Record<K, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, params.get(n) ?? undefined])) as Record<K, string | undefined>;
}

function App() {
  const route = useRoute();
  const [token, setToken] = useState(savedToken());
  const { data, error, loading } = useData(() => graphql<{ whoami: Whoami }>('{ whoami { role actor department } }'), [token]);
  const signIn = (value: string | null) => {
    saveToken(value);
    setToken(value);
  };
  const may = (role: string) => data !== undefined && ROLES.indexOf(data.whoami.role) >= ROLES.indexOf(role);
  const pages = PAGES.filter((p) => may(p.role));
  const page = pages.find((p) => p.page === route.page) ?? pages[0];
  return (
    <>
      <header>
        <h1>dutygraph 职责边界</h1>
        <nav>
          {pages.map((p) => (
            <a href={href(p.page)} class={p === page ? 'active' : undefined}>
              {p.title}
            </a>
          ))}
        </nav>
        {data && (
          <span class="who">
            {ROLE_NAMES[data.whoami.role]}权限 · {data.whoami.actor}
            {token && <button onClick={() => signIn(null)}>退出</button>}
          </span>
        )}
      </header>
      <main>
        {loading ? (
          <Loading />
        ) : error ? (
          <>
            {/* Asking for a token is no error; a token the server refuses is. */}
            {(error.code !== 'UNAUTHENTICATED' || token) && <ErrorBox error={error} />}
            <SignIn onToken={signIn} />
          </>
        ) : page?.page === 'findings' ? (
          <FindingsPage filters={paramsOf(route.params, 'region', 'department', 'kind')} canEdit={may('EDITOR')} />
        ) : page?.page === 'map' ? (
          <LazyMapPage selection={paramsOf(route.params, 'region', 'node', 'a', 'b')} canPublish={may('EDITOR')} />
        ) : page?.page === 'department' ? (
          <DepartmentPage id={route.params.get('id') ?? undefined} year={Number(route.params.get('year')) || undefined} canAnalyse={may('ANALYST')} />
        ) : page?.page === 'evaluation' ? (
          <EvaluationPage year={Number(route.params.get('year')) || new Date().getFullYear() - 1} canAnalyse={may('ANALYST')} canPublish={may('EDITOR')} />
        ) : page?.page === 'graphql' ? (
          <ExplorerPage />
        ) : page?.page === 'staffing' ? (
          <StaffingPage year={Number(route.params.get('year')) || undefined} canAnalyse={may('ANALYST')} canApply={may('EDITOR')} />
        ) : page?.page === 'dispatch' ? (
          <DispatchPage district={route.params.get('district') ?? undefined} />
        ) : (
          <OverviewPage region={route.params.get('region') ?? undefined} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
