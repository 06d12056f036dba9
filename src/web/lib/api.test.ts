// @vitest-environment jsdom
import '../test-setup';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  buildUrl,
  fileNameFrom,
  getCsrfToken,
  setCsrfToken,
  setUnauthenticatedHandler,
} from './api';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const errorBody = (code: string, message: string, details: unknown = null, requestId = 'req-1') => ({
  error: { code, message, details, requestId },
});

let calls: Call[];
let responses: ((call: Call) => Response | Promise<Response>)[];

beforeEach(() => {
  calls = [];
  responses = [];
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${call.method} ${call.url}`);
    return next(call);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('builds /api URLs and leaves out empty query values', () => {
    expect(
      buildUrl('/staff', { q: 'nguyen thi', orgId: undefined, page: 2, includeSubunits: false, sort: '' }),
    ).toBe('/api/staff?q=nguyen+thi&page=2&includeSubunits=false');
    expect(buildUrl('/api/auth/me')).toBe('/api/auth/me');
  });

  it('sends the CSRF token on state-changing requests only, and keeps it out of storage', async () => {
    setCsrfToken('csrf-123');
    responses.push(
      () => json(200, { ok: true }),
      () => json(200, { id: 'x' }),
      () => new Response(null, { status: 204 }),
    );
    await api.get('/organizations');
    await api.post('/staff', { fullName: 'Nguyễn Thị Thục Quyên' });
    await api.delete('/staff/imports/1');
    expect(calls[0]!.headers['x-csrf-token']).toBeUndefined();
    expect(calls[1]!.headers['x-csrf-token']).toBe('csrf-123');
    expect(calls[1]!.headers['content-type']).toBe('application/json');
    expect(calls[1]!.body).toEqual({ fullName: 'Nguyễn Thị Thục Quyên' });
    expect(calls[2]!.method).toBe('DELETE');
    expect(calls[2]!.headers['x-csrf-token']).toBe('csrf-123');
    // a DELETE has no body, so no JSON content type (Fastify rejects an empty JSON body)
    expect(calls[2]!.headers['content-type']).toBeUndefined();
    expect(JSON.stringify({ ...localStorage })).not.toContain('csrf-123');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('csrf-123');
  });

  it("turns an error response into an ApiError with the server's Vietnamese message and field details", async () => {
    responses.push(() =>
      json(
        400,
        errorBody(
          'VALIDATION_FAILED',
          'Dữ liệu gửi lên không hợp lệ.',
          [{ field: 'org.name', message: 'Tên đơn vị không được để trống' }],
          'req-42',
        ),
      ),
    );
    const error = await api.post('/organizations/events', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(e.details).toEqual([{ field: 'org.name', message: 'Tên đơn vị không được để trống' }]);
    expect(e.requestId).toBe('req-42');
  });

  it('recognises a version conflict', async () => {
    responses.push(() =>
      json(409, errorBody('CONFLICT', 'Dữ liệu đã bị thay đổi bởi người khác. Vui lòng tải lại và thử lại.')),
    );
    const e = (await api.patch('/staff/1', { version: 1 }).catch((x: unknown) => x)) as ApiError;
    expect(e.isConflict).toBe(true);
  });

  it('sends the user to the login page when the session is gone, and forgets the token', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    setCsrfToken('old');
    responses.push(() =>
      json(401, errorBody('SESSION_EXPIRED', 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.')),
    );
    await expect(api.get('/staff')).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(getCsrfToken()).toBeNull();
  });

  it('does not redirect on wrong credentials at login', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    responses.push(() =>
      json(401, errorBody('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.')),
    );
    await expect(
      api.post('/auth/login', { username: 'a', password: 'b' }, { allow401: true }),
    ).rejects.toMatchObject({
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refreshes a stale CSRF token once and retries the request', async () => {
    setCsrfToken('stale');
    responses.push(
      () => json(403, errorBody('CSRF_INVALID', 'Yêu cầu không hợp lệ.')),
      () => json(200, { user: { id: 'u' }, csrfToken: 'fresh' }),
      () => json(201, { id: 'new' }),
    );
    await expect(api.post('/staff', { a: 1 })).resolves.toEqual({ id: 'new' });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers['x-csrf-token'] ?? '-'}`)).toEqual([
      'POST /api/staff stale',
      'GET /api/auth/me -',
      'POST /api/staff fresh',
    ]);
    expect(getCsrfToken()).toBe('fresh');
  });

  it('does not loop when the CSRF token stays invalid', async () => {
    setCsrfToken('stale');
    responses.push(
      () => json(403, errorBody('CSRF_INVALID', 'Yêu cầu không hợp lệ.')),
      () => json(200, { user: { id: 'u' }, csrfToken: 'still-bad' }),
      () => json(403, errorBody('CSRF_INVALID', 'Yêu cầu không hợp lệ.')),
    );
    await expect(api.post('/staff', {})).rejects.toMatchObject({ code: 'CSRF_INVALID' });
    expect(calls).toHaveLength(3);
  });

  it('reports a network failure in Vietnamese', async () => {
    responses.push(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/staff')).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('Không kết nối được máy chủ'),
    });
  });

  it('reports a non-JSON error page with a generic Vietnamese message', async () => {
    responses.push(
      () =>
        new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    await expect(api.get('/staff')).rejects.toMatchObject({
      status: 502,
      code: 'UNEXPECTED',
      message: expect.stringMatching(/^Máy chủ/),
    });
  });

  it('sends multipart uploads as FormData without a JSON content type', async () => {
    setCsrfToken('t');
    responses.push(() => json(200, { id: 'batch' }));
    const form = new FormData();
    form.append('file', new Blob(['x']), 'nhan-su.xlsx');
    await api.upload('/staff/imports', form);
    expect(calls[0]!.body).toBeInstanceOf(FormData);
    expect(calls[0]!.headers['content-type']).toBeUndefined();
    expect(calls[0]!.headers['x-csrf-token']).toBe('t');
  });

  it('reads Vietnamese download names from Content-Disposition', () => {
    expect(
      fileNameFrom(
        `attachment; filename="Mau nhap nhan su.xlsx"; filename*=UTF-8''${encodeURIComponent('Mẫu nhập nhân sự.xlsx')}`,
        'x',
      ),
    ).toBe('Mẫu nhập nhân sự.xlsx');
    expect(fileNameFrom('attachment; filename="a.xlsx"', 'x')).toBe('a.xlsx');
    expect(fileNameFrom(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});
