// The one way the SPA talks to WageLink: same-origin fetch to /api/v1 with the session cookie
// (HttpOnly, never visible here), the CSRF token and an Idempotency-Key on every unsafe request,
// and RFC 9457 problem+json errors turned into a typed ApiError.
//
// A write answered 503 (the database restarting or failing over, or the line dropping during the
// commit) is sent again with the same key, so the server stores it at most once: the repeat is
// either carried out (the first attempt was not saved) or answered "already_applied" (it was).

export const API_PREFIX = '/api/v1';

/** RFC 9457 problem as WageLink sends it (extension members such as remaining_attempts may follow). */
export interface Problem {
  type: string;
  code: string;
  status: number;
  title: string;
  title_en?: string;
  detail?: string;
  detail_en?: string;
  field?: string;
  request_id?: string;
  [extension: string]: unknown;
}

/** Codes the client invents when there is no problem document to read. */
export const CLIENT_CODES = { network: 'network_error', badResponse: 'bad_response' } as const;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  get field(): string | undefined {
    return this.problem.field || undefined;
  }

  /** A repeated write whose first attempt had been saved: not a failure, the page should reload. */
  get alreadyApplied(): boolean {
    return this.problem.already_applied === true;
  }

  get requestId(): string | undefined {
    return this.problem.request_id || undefined;
  }

  /** The sentence to show a user: detail first, then title, in the user's language. */
  localizedMessage(locale: string): string {
    const p = this.problem;
    if (locale.startsWith('en')) return p.detail_en || p.title_en || p.detail || p.title || p.code;
    return p.detail || p.title || p.detail_en || p.title_en || p.code;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How often a write answered 503 is sent again, and the longest wait before each repeat. */
export const WRITE_RETRY = { attempts: 3, maxWaitMs: 5000, defaultWaitMs: 2000 } as const;

/** A fresh key for one write: 128 random bits in hex (getRandomValues works on plain HTTP too). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The wait before repeating a write answered 503: the server's Retry-After, within bounds. */
function retryWaitMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  if (!Number.isFinite(seconds) || seconds <= 0) return WRITE_RETRY.defaultWaitMs;
  return Math.min(seconds * 1000, WRITE_RETRY.maxWaitMs);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}

export interface HttpHooks {
  /** A 401 on a request made with a session: the session is gone (expired, idle, forced logout). */
  onUnauthenticated?: (error: ApiError) => void;
  /** A 403 password_change_required: the user must change the password before anything else. */
  onPasswordChangeRequired?: (error: ApiError) => void;
  /** Every response that reached the server (used by idle tracking: the server saw us). */
  onServerContact?: () => void;
}

let csrfToken: string | null = null;
let hooks: HttpHooks = {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function configureHttp(next: HttpHooks): void {
  hooks = { ...next };
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Let the caller handle 401/password_change_required itself (login, session probe). */
  skipAuthRedirect?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const url = API_PREFIX + (path.startsWith('/') ? path : `/${path}`);
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

function fallbackProblem(status: number, code: string, title: string, titleEn: string): Problem {
  return { type: `urn:wagelink:problem:${code}`, code, status, title, title_en: titleEn };
}

/** Reads an error response into a Problem, whatever the server (or a proxy in between) sent. */
export async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (body && typeof body === 'object') {
        const code = body.code || (body.type ?? '').replace(/^urn:wagelink:problem:/, '') || `http_${response.status}`;
        return {
          ...body,
          type: body.type || `urn:wagelink:problem:${code}`,
          code,
          status: typeof body.status === 'number' ? body.status : response.status,
          title: body.title || response.statusText || code,
        } as Problem;
      }
    } catch {
      // fall through to a generic problem
    }
  }
  return fallbackProblem(
    response.status,
    `http_${response.status}`,
    `服务器返回错误（HTTP ${response.status}）`,
    `The server answered with HTTP ${response.status}`,
  );
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const upper = method.toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const init: RequestInit = { method: upper, headers, credentials: 'same-origin', signal: options.signal };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const unsafe = UNSAFE_METHODS.has(upper);
  if (unsafe && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (unsafe) headers['Idempotency-Key'] = newIdempotencyKey();

  let response: Response;
  for (let attempt = 1; ; attempt++) {
    try {
      response = await fetch(buildUrl(path, options.query), init);
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause;
      throw new ApiError(
        fallbackProblem(0, CLIENT_CODES.network, '无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and try again'),
      );
    }
    if (!unsafe || response.status !== 503 || attempt >= WRITE_RETRY.attempts) break;
    await sleep(retryWaitMs(response), options.signal);
  }
  hooks.onServerContact?.();

  if (!response.ok) {
    const error = new ApiError(await readProblem(response));
    if (!options.skipAuthRedirect) {
      if (error.status === 401) hooks.onUnauthenticated?.(error);
      else if (error.code === 'password_change_required') hooks.onPasswordChangeRequired?.(error);
    }
    throw error;
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(
      fallbackProblem(response.status, CLIENT_CODES.badResponse, '服务器返回了无法识别的数据', 'The server sent a response that could not be read'),
    );
  }
}

export const http = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options: Omit<RequestOptions, 'body'> = {}) => request<T>('DELETE', path, options),
};
