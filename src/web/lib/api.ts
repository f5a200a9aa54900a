import type { z } from 'zod';
import { ErrorBody } from '../../contracts/common.ts';

/**
 * The API's error shape ({ code, message, details, correlationId }) as a thrown error. `message`
 * is the server's Vietnamese sentence, shown to the user as is.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly correlationId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.correlationId = body.correlationId;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** Builds `path?a=1&b=x`, leaving out empty values so optional filters stay out of the URL. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const NETWORK_MESSAGE = 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.';

/** Turns a non-2xx response into an ApiError, whatever its body. */
export async function toApiError(res: Response): Promise<ApiError> {
  let raw: unknown;
  try {
    raw = await res.json();
  } catch {
    raw = undefined;
  }
  const parsed = ErrorBody.safeParse(raw);
  if (parsed.success) return new ApiError(res.status, parsed.data);
  return new ApiError(res.status, {
    code: `HTTP_${res.status}`,
    message:
      res.status >= 500
        ? 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.'
        : `Yêu cầu không thành công (mã ${res.status}).`,
  });
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: NETWORK_MESSAGE });
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function readJson<S extends z.ZodType>(res: Response, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) {
    // The contract and the server disagree: a bug, not the user's fault; say so plainly.
    console.error('Response does not match its contract', res.url, parsed.error.issues);
    throw new ApiError(res.status, {
      code: 'CONTRACT',
      message: 'Dữ liệu máy chủ trả về không đúng định dạng. Vui lòng báo cho quản trị hệ thống.',
    });
  }
  return parsed.data;
}

/** GET a JSON resource and check it against its zod contract. */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  query?: Query,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const res = await send(withQuery(path, query), { headers: { accept: 'application/json' }, signal });
  return readJson(res, schema);
}

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends JSON (POST, PUT, PATCH, DELETE) and checks the answer against its zod contract. */
export async function apiSend<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  const res = await send(path, {
    method,
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readJson(res, schema);
}

/** Sends a multipart form (file uploads); the browser sets the boundary header itself. */
export async function apiUpload<S extends z.ZodType>(
  path: string,
  schema: S,
  form: FormData,
): Promise<z.infer<S>> {
  const res = await send(path, { method: 'POST', headers: { accept: 'application/json' }, body: form });
  return readJson(res, schema);
}

/** The file name of a Content-Disposition header, preferring the UTF-8 `filename*` form. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Downloads a file the API serves (templates, exports) and saves it under its own name. */
export async function downloadFile(path: string, fallbackName: string, query?: Query): Promise<string> {
  const res = await send(withQuery(path, query), {});
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Revoked later: Chromium reads the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
