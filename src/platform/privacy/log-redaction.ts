import type { FastifyServerOptions } from 'fastify';

/**
 * Personal data, secrets, tokens and ballot contents never reach the logs (trust issue, item 4;
 * ASVS 5.0 16.2.5). Fastify logs requests by method and URL only; these paths cover anything a
 * handler might log by mistake, and the request serializer drops query strings, which carry
 * search terms such as names or CCCD numbers.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.secret',
  '*.citizenId',
  '*.birthDate',
  '*.choice',
  '*.choices',
  '*.ballot',
  '*.ballots',
  'body',
  'payload',
];

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

type LoggedRequest = { method?: string; url?: string; id?: string };

export function withLogRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base: LoggerOptions = logger === true ? {} : logger;
  return {
    ...base,
    redact: { paths: LOG_REDACT_PATHS, censor: '[đã ẩn]' },
    serializers: {
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: (req.url ?? '').split('?')[0] }),
    },
  } as LoggerOptions;
}

/**
 * What an unexpected error may put in the log: drizzle's "Failed query" message carries the
 * statement's parameters (names, CCCD numbers) after "params:", so only the statement and the
 * driver's error code and message are kept.
 */
export function safeError(err: unknown): { message: string; code?: string; cause?: string } {
  const e = err as { message?: string; code?: unknown; cause?: { message?: string; code?: unknown } };
  const message = String(e.message ?? 'unknown')
    .split('\nparams:')[0]!
    .slice(0, 500);
  const code =
    typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  const cause = e.cause?.message?.split('\nparams:')[0]?.slice(0, 300);
  return { message, ...(code ? { code } : {}), ...(cause ? { cause } : {}) };
}
