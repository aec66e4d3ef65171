import { useEffect, useState } from 'preact/hooks';

/**
 * State in the URL: the page and its parameters live in the hash (#/dispatch?district=371100),
 * so every view can be shared as a link and survives a reload.
 */
export interface Route {
  page: string;
  params: URLSearchParams;
}

function current(): Route {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { page: path || 'overview', params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The link to a page with parameters. */
export function href(page: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}

/** Replaces the current page's parameters (no new history entry for each keystroke). */
export function setParams(page: string, params: Record<string, string | undefined>): void {
  history.replaceState(null, '', href(page, params));
  dispatchEvent(new HashChangeEvent('hashchange'));
}
