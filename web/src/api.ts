/**
 * The app's only back end: the GraphQL API of the same server. The token the user pasted is kept
 * for the tab's session and sent as a bearer token; errors come back with their code, shown in
 * plain Chinese.
 */

const TOKEN_KEY = 'dutygraph.token';

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: '访问令牌无效、已撤销或缺失：请粘贴有效的令牌',
  FORBIDDEN: '当前令牌无权进行此操作',
  BAD_USER_INPUT: '输入有误',
  NOT_FOUND: '未找到',
  CONFLICT: '数据已被他人修改或状态不允许此操作',
  DB_UNAVAILABLE: '数据库暂时不可用，请稍后再试',
  QUERY_TIMEOUT: '查询超时，请缩小范围后再试',
  LIMIT_EXCEEDED: '请求过大，请缩小范围后再试',
};

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${MESSAGES[code] ?? '服务出错'}（${code}）：${detail}`);
  }
}

/** Runs one GraphQL operation and returns its data, or throws ApiError with the first error's code. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = savedToken();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('NETWORK', `无法连接服务器（${(error as Error).message}）`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? `HTTP_${response.status}`, first.message);
  if (!body.data) throw new ApiError(`HTTP_${response.status}`, '服务器没有返回数据');
  return body.data;
}
