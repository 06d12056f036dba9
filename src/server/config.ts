import path from 'node:path';

/**
 * Configuration from environment variables. Every variable is documented in README.md.
 * Parsed once at start-up; invalid values stop the process with a clear message.
 */
export interface Config {
  port: number;
  host: string;
  /** postgres://… to use a PostgreSQL server; absent → embedded PGlite in DATA_DIR */
  databaseUrl: string | null;
  dataDir: string;
  /** demo mode seeds demo data and demo accounts on an empty database */
  demo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  loginMaxAttemptsPerAccount: number;
  loginWindowMinutes: number;
  /** login requests per minute from one IP address */
  loginRateLimitPerMinute: number;
  uploadMaxBytes: number;
  logLevel: string;
  publicUrl: string;
  smtp: {
    host: string | null;
    port: number;
    secure: boolean;
    user: string | null;
    password: string | null;
    from: string;
  };
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function bool(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const port = int('PORT', 3000, env);
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    demo: bool('THIDUA_DEMO', false, env),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, env),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, env),
    cookieSecure: bool('COOKIE_SECURE', false, env),
    loginMaxAttemptsPerAccount: int('LOGIN_MAX_ATTEMPTS', 10, env),
    loginWindowMinutes: int('LOGIN_WINDOW_MINUTES', 15, env),
    loginRateLimitPerMinute: int('LOGIN_RATE_LIMIT_PER_MINUTE', 30, env),
    uploadMaxBytes: int('UPLOAD_MAX_MB', 20, env) * 1024 * 1024,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    publicUrl: env.PUBLIC_URL?.trim() || `http://localhost:${port}`,
    smtp: {
      host: env.SMTP_HOST?.trim() || null,
      port: int('SMTP_PORT', 587, env),
      secure: bool('SMTP_SECURE', false, env),
      user: env.SMTP_USER?.trim() || null,
      password: env.SMTP_PASSWORD ?? null,
      from: env.SMTP_FROM?.trim() || 'thidua <no-reply@thidua.local>',
    },
  };
}
