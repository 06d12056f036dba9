/**
 * The one HTTP client of the web UI.
 *  - JSON in and out, cookies for the session (same origin).
 *  - The CSRF token lives in memory only (never localStorage) and is sent as `x-csrf-token`
 *    on every state-changing request.
 *  - Errors become ApiError with the server's Vietnamese message and field details.
 *  - A 401 from an expired or missing session calls the registered handler (→ login page).
 */
import { vi } from '../i18n/vi';

export interface FieldDetail {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldDetail[] | null = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isConflict() {
    return this.status === 409 && this.code === 'CONFLICT';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

let csrfToken: string | null = null;
let onUnauthenticated: ((error: ApiError) => void) | null = null;
let refreshingCsrf: Promise<boolean> | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Registers what happens when the session is gone (the auth provider sends the user to login). */
export function setUnauthenticatedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api') ? path : `/api${path.startsWith('/') ? '' : '/'}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function isFieldDetails(value: unknown): value is FieldDetail[] {
  return (
    Array.isArray(value) &&
    value.every((d) => d && typeof d === 'object' && typeof (d as FieldDetail).message === 'string')
  );
}

/** Turns a non-2xx response into an ApiError carrying the server's Vietnamese message. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const error = (
    body as { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } } | null
  )?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : 'UNKNOWN',
      error.message,
      isFieldDetails(error.details)
        ? error.details.map((d) => ({
            field: typeof d.field === 'string' ? d.field : '',
            message: d.message,
          }))
        : null,
      typeof error.requestId === 'string' ? error.requestId : response.headers.get('x-request-id'),
    );
  }
  return new ApiError(
    response.status,
    'UNEXPECTED',
    vi.errors.unexpected,
    null,
    response.headers.get('x-request-id'),
  );
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** multipart upload; sent as is (no JSON) */
  form?: FormData;
  signal?: AbortSignal;
  /** do not send the user to the login page on 401 (the login request itself, /auth/me) */
  allow401?: boolean;
}

async function send(
  method: Method,
  path: string,
  options: RequestOptions,
  retried = false,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if ((err as { name?: string })?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', vi.errors.network);
  }
  if (response.ok) return response;

  const error = await toApiError(response);
  // The session may have been renewed in another tab: fetch the current token once and retry.
  if (error.code === 'CSRF_INVALID' && !retried && method !== 'GET') {
    if (await refreshCsrfToken()) return send(method, path, options, true);
  }
  if (response.status === 401 && !options.allow401 && SESSION_CODES.has(error.code)) {
    csrfToken = null;
    onUnauthenticated?.(error);
  }
  throw error;
}

function refreshCsrfToken(): Promise<boolean> {
  refreshingCsrf ??= (async () => {
    try {
      const response = await fetch('/api/auth/me', {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) return false;
      const data = (await response.json()) as { csrfToken?: string };
      if (!data.csrfToken) return false;
      csrfToken = data.csrfToken;
      return true;
    } catch {
      return false;
    } finally {
      refreshingCsrf = null;
    }
  })();
  return refreshingCsrf;
}

async function json<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(
      response.status,
      'UNEXPECTED',
      vi.errors.unexpected,
      null,
      response.headers.get('x-request-id'),
    );
  }
}

/** File name from Content-Disposition (RFC 5987 `filename*` first). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

export const api = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    json<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    json<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => json<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => json<T>('POST', path, { form }),
  /** Downloads a file (XLSX export, template) and saves it under the server's file name. */
  async download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
    const response = await send('GET', path, { query });
    const blob = await response.blob();
    const name = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
    saveBlob(blob, name);
    return name;
  },
};

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The Vietnamese text to show for any error thrown by a request or a component. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return vi.errors.unexpected;
}
