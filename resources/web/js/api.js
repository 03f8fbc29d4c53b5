// The REST API as the rest of the world uses it (/api/v1, Bearer token). The token lives in
// sessionStorage: it survives a reload but not the closing of the tab.

const TOKEN_KEY = 'neocloud.token';
const USER_KEY = 'neocloud.user';

export class ApiError extends Error {
  constructor(status, code, message, field, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details; // e.g. a refused plan's [{file, line, column, message}]
  }
}

const listeners = new Set();
export function onSignedOut(listener) { listeners.add(listener); }

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get user() { try { return JSON.parse(sessionStorage.getItem(USER_KEY)); } catch { return null; } },
  get isOperator() { return this.user?.role?.startsWith('operator-') ?? false; },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    for (const listener of listeners) listener();
  },
};

// `body` goes as JSON; `raw` (a FormData, or text with `contentType`) goes as it is, for the
// uploads that are not JSON (a commissioning plan's CSV files).
export async function api(path, { method = 'GET', body, raw, contentType, query, signal } = {}) {
  const response = await send(path, { method, body, raw, contentType, query, signal, accept: 'application/json' });
  if (response.status === 204) return null;
  const text = await response.text();
  try { return text ? JSON.parse(text) : null; } catch { return null; }
}

// The answer as a Blob with its headers, for files an <a href> could not fetch: a plain link
// carries no Authorization header.
export async function apiBlob(path, { query, accept = '*/*' } = {}) {
  const response = await send(path, { method: 'GET', query, accept });
  return { blob: await response.blob(), headers: response.headers };
}

async function send(path, { method, body, raw, contentType, query, signal, accept }) {
  const url = new URL(`/api/v1${path}`, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const headers = { Accept: accept };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  else if (contentType) headers['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? raw : JSON.stringify(body), signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server did not answer. Is neocloud-server running?');
  }
  if (response.ok) return response;
  let error = null;
  try { error = JSON.parse(await response.text())?.error; } catch { error = null; }
  if (response.status === 401 && path !== '/auth/login') session.clear();
  throw new ApiError(response.status, error?.code ?? 'http_error',
    error?.message ?? `The server answered ${response.status} ${response.statusText}.`, error?.field, error?.details);
}

export async function login(username, password) {
  const answer = await api('/auth/login', { method: 'POST', body: { username, password } });
  session.save(answer.token, answer.user);
  return answer.user;
}

// "View as tenant" in the desktop console opens a page with #viewToken=<token>: adopt it as this
// tab's session, learn who it signs in as, and drop it from the address bar and the history so
// the token is not left where it can be copied or restored. A top-level await, so main.js renders
// only once the session is settled.
async function adoptViewToken() {
  const match = /^#viewToken=([A-Za-z0-9_\-.~%]+)$/.exec(location.hash);
  if (!match) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
  sessionStorage.removeItem(USER_KEY);
  try {
    const me = await api('/auth/me');
    session.save(session.token, me);
  } catch {
    session.clear(); // expired or revoked: the sign-in page, not a half session
  }
}
await adoptViewToken();
