import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the process embeds PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Public base URL used in QR codes and links printed on documents. */
  publicUrl: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  }
  const host = env.HOST ?? '0.0.0.0';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TDKT_DATA_DIR ?? 'data'),
    production: env.NODE_ENV === 'production',
    sessionIdleMinutes: Number(env.TDKT_SESSION_IDLE_MINUTES ?? 30),
    publicUrl: env.TDKT_PUBLIC_URL ?? `http://localhost:${port}`,
  };
}
