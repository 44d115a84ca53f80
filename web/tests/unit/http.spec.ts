import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, configureHttp, http, isApiError, setCsrfToken } from '@/api/http';

type FetchArgs = [string, RequestInit];

function jsonResponse(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

const lockedProblem = {
  type: 'urn:wagelink:problem:account_locked',
  code: 'account_locked',
  status: 423,
  title: '账户已锁定',
  title_en: 'Account locked',
  detail: '账户已锁定，请于 2026-03-01 14:20 后重试',
  detail_en: 'Account locked until 2026-03-01 14:20',
  request_id: 'req-42',
  locked_until: '2026-03-01T06:20:00Z',
};

describe('http wrapper', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken(null);
    configureHttp({});
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const lastCall = () => fetchMock.mock.calls.at(-1) as FetchArgs;
  const headersOf = (call: FetchArgs) => call[1].headers as Record<string, string>;

  it('sends the CSRF token on unsafe methods only, with the session cookie of the same origin', async () => {
    setCsrfToken('tok-123');
    fetchMock.mockImplementation(async () => jsonResponse(200, { ok: true }));

    await http.get('/liaisons');
    expect(headersOf(lastCall())['X-CSRF-Token']).toBeUndefined();
    expect(lastCall()[1].credentials).toBe('same-origin');

    for (const method of ['post', 'put', 'patch'] as const) {
      await http[method]('/liaisons/1', { name: 'x' });
      expect(headersOf(lastCall())['X-CSRF-Token']).toBe('tok-123');
      expect(lastCall()[1].method).toBe(method.toUpperCase());
      expect(lastCall()[1].body).toBe('{"name":"x"}');
      expect(headersOf(lastCall())['Content-Type']).toBe('application/json');
    }
    await http.delete('/liaisons/1');
    expect(headersOf(lastCall())['X-CSRF-Token']).toBe('tok-123');
  });

  it('builds /api/v1 URLs and drops empty query values', () => {
    expect(buildUrl('/users', { page: 2, page_size: 20, q: '' })).toBe('/api/v1/users?page=2&page_size=20');
    expect(buildUrl('audit', { q: '张 三' })).toBe('/api/v1/audit?q=%E5%BC%A0+%E4%B8%89');
    expect(buildUrl('/bodies')).toBe('/api/v1/bodies');
  });

  it('parses problem+json into an ApiError with both languages and extensions', async () => {
    fetchMock.mockResolvedValue(jsonResponse(423, lockedProblem, 'application/problem+json'));
    const error = await http.post('/auth/login', {}).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(423);
    expect(apiError.code).toBe('account_locked');
    expect(apiError.requestId).toBe('req-42');
    expect(apiError.localizedMessage('zh-CN')).toBe('账户已锁定，请于 2026-03-01 14:20 后重试');
    expect(apiError.localizedMessage('en')).toBe('Account locked until 2026-03-01 14:20');
    expect(apiError.problem.locked_until).toBe('2026-03-01T06:20:00Z');
  });

  it('derives the code from the type and keeps the field of a validation problem', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(422, { type: 'urn:wagelink:problem:validation_failed', status: 422, title: '输入有误', field: 'new_password' }, 'application/problem+json'),
    );
    const error = (await http.post('/auth/password', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('validation_failed');
    expect(error.field).toBe('new_password');
    expect(error.localizedMessage('en')).toBe('输入有误');
  });

  it('turns a non-JSON error page into a generic problem', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = (await http.get('/bodies').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.localizedMessage('en')).toContain('502');
  });

  it('reports a network failure as network_error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await http.get('/bodies').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
  });

  it('calls the 401 hook unless the caller handles 401 itself', async () => {
    const onUnauthenticated = vi.fn();
    configureHttp({ onUnauthenticated });
    const problem = { type: 'urn:wagelink:problem:unauthenticated', code: 'unauthenticated', status: 401, title: '请先登录' };
    fetchMock.mockResolvedValue(jsonResponse(401, problem, 'application/problem+json'));

    await expect(http.get('/liaisons')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValue(jsonResponse(401, problem, 'application/problem+json'));
    await expect(http.get('/auth/me', undefined, { skipAuthRedirect: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('calls the password-change hook on 403 password_change_required, not on other 403s', async () => {
    const onPasswordChangeRequired = vi.fn();
    const onUnauthenticated = vi.fn();
    configureHttp({ onPasswordChangeRequired, onUnauthenticated });
    fetchMock.mockResolvedValueOnce(
      jsonResponse(403, { code: 'password_change_required', status: 403, title: '请先修改密码' }, 'application/problem+json'),
    );
    await expect(http.get('/liaisons')).rejects.toBeInstanceOf(ApiError);
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(jsonResponse(403, { code: 'forbidden', status: 403, title: '无权操作' }, 'application/problem+json'));
    await expect(http.get('/users')).rejects.toMatchObject({ code: 'forbidden' });
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('returns undefined for 204 and notes every server contact', async () => {
    const onServerContact = vi.fn();
    configureHttp({ onServerContact });
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(http.post('/auth/logout')).resolves.toBeUndefined();
    expect(onServerContact).toHaveBeenCalledTimes(1);
  });

  describe('idempotency keys and repeated writes', () => {
    const unavailable = (retryAfter?: string) =>
      new Response(JSON.stringify({ code: 'service_unavailable', status: 503, title: '数据库暂时无法访问' }), {
        status: 503,
        headers: { 'Content-Type': 'application/problem+json', ...(retryAfter ? { 'Retry-After': retryAfter } : {}) },
      });
    const keyOf = (call: FetchArgs) => headersOf(call)['Idempotency-Key'];

    afterEach(() => {
      vi.useRealTimers();
    });

    it('sends a fresh 128-bit key with every write and none with a read', async () => {
      fetchMock.mockImplementation(async () => jsonResponse(200, { ok: true }));
      await http.get('/cases');
      expect(keyOf(lastCall())).toBeUndefined();
      const keys = new Set<string>();
      for (const method of ['post', 'put', 'patch', 'delete'] as const) {
        await http[method]('/cases/1');
        expect(keyOf(lastCall())).toMatch(/^[0-9a-f]{32}$/);
        keys.add(keyOf(lastCall()));
      }
      expect(keys.size).toBe(4);
    });

    it('sends a write answered 503 again with the same key, after the Retry-After wait', async () => {
      vi.useFakeTimers();
      fetchMock.mockResolvedValueOnce(unavailable('5')).mockResolvedValueOnce(unavailable()).mockResolvedValueOnce(jsonResponse(200, { id: 7 }));
      const result = http.post<{ id: number }>('/cases', { a: 1 });
      await vi.advanceTimersByTimeAsync(4999);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(fetchMock).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(2000);
      await expect(result).resolves.toEqual({ id: 7 });
      const calls = fetchMock.mock.calls as FetchArgs[];
      expect(calls).toHaveLength(3);
      expect(new Set(calls.map(keyOf)).size).toBe(1);
      expect(calls.every((c) => c[1].body === '{"a":1}')).toBe(true);
    });

    it('gives up after three attempts, and never repeats a read', async () => {
      vi.useFakeTimers();
      fetchMock.mockImplementation(async () => unavailable('1'));
      const write = http.put('/cases/1', {}).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await write).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(fetchMock).toHaveBeenCalledTimes(3);

      fetchMock.mockClear();
      await expect(http.get('/cases')).rejects.toMatchObject({ status: 503 });
      expect(fetchMock).toHaveBeenCalledTimes(1);
    });

    it('marks the answer to a repeat whose first attempt was saved', async () => {
      fetchMock.mockResolvedValue(
        jsonResponse(409, { code: 'conflict', status: 409, title: '这项操作此前已经保存成功', already_applied: true }, 'application/problem+json'),
      );
      const error = (await http.post('/cases').catch((e: unknown) => e)) as ApiError;
      expect(error.alreadyApplied).toBe(true);
      fetchMock.mockResolvedValue(jsonResponse(409, { code: 'conflict', status: 409, title: '冲突' }, 'application/problem+json'));
      expect(((await http.post('/cases').catch((e: unknown) => e)) as ApiError).alreadyApplied).toBe(false);
    });
  });
});
