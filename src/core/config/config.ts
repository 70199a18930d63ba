// Typed configuration read once from the environment. Per-city variation belongs here (or in the
// settings table an admin edits), never in `if (city === ...)` branches.
import { resolve } from 'node:path';

export const LOCALES = ['ro', 'en', 'hu'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Config {
  port: number;
  host: string;
  /** Public base URL used in mail links and Open311 discovery. */
  baseUrl: string;
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded PGlite data dir. */
  databaseUrl: string | undefined;
  /** PostgreSQL: give up opening a connection after this long. */
  databaseConnectTimeoutMs: number;
  /** PostgreSQL: close pooled connections idle this long. */
  databaseIdleTimeoutMs: number;
  /** PostgreSQL `statement_timeout`; 0 = the server's own setting. */
  databaseStatementTimeoutMs: number;
  /**
   * PostgreSQL: hot statements prepared once per connection with a generic plan. Off for a pooler
   * that cannot keep them (PgBouncer in transaction mode before 1.21) or refuses startup options.
   */
  databasePrepare: boolean;
  smtpUrl: string | undefined;
  /** SMTP timeouts, so a dead mail server never holds a delivery job (its lease is 5 minutes). */
  smtpConnectionTimeoutMs: number;
  smtpGreetingTimeoutMs: number;
  smtpSocketTimeoutMs: number;
  mailFrom: string;
  /** Secret used for CSRF tokens; derived per data dir when unset (stored in settings). */
  secret: string | undefined;
  cookieSecure: boolean;
  defaultLocale: Locale;
  /** Modules switched off by configuration (DEZVOLT_DISABLED_MODULES=budgets,citydata). */
  disabledModules: string[];
  /** Leaflet tile URL template; empty means no background tiles (no external tile server by default). */
  tileUrl: string;
  logLevel: string;
  /** Seed the demo city on first start of an empty database. */
  seedDemo: boolean;
  /** Run the in-process job worker. */
  runWorker: boolean;
  rateLimitMax: number;
  /** Fixed password for the demo accounts (e2e tests, screenshots); random and printed once when unset. */
  demoPassword: string | undefined;
  /** Port of the embedded MQTT broker (city data ingestion). */
  mqttPort: number;
  /** External MQTT broker to subscribe to instead of starting the embedded one. */
  mqttUrl: string | undefined;
  /** `devices:rate` — the demo city publishes simulated readings to its own broker (DEZVOLT_SIMULATE). */
  simulate: string | undefined;
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

function int(name: string, v: string | undefined, dflt: number, min = 0): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a ${min > 0 ? 'positive' : 'non-negative'} integer, got "${v}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = int('PORT', env.PORT, 3000);
  const locale = (env.DEZVOLT_LOCALE ?? 'ro') as Locale;
  if (!LOCALES.includes(locale)) throw new Error(`DEZVOLT_LOCALE must be one of ${LOCALES.join(', ')}`);
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const cfg: Config = {
    port,
    host: env.HOST ?? '0.0.0.0',
    baseUrl,
    dataDir: resolve(env.DEZVOLT_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseConnectTimeoutMs: int('DATABASE_CONNECT_TIMEOUT_MS', env.DATABASE_CONNECT_TIMEOUT_MS, 10_000, 1),
    databaseIdleTimeoutMs: int('DATABASE_IDLE_TIMEOUT_MS', env.DATABASE_IDLE_TIMEOUT_MS, 30_000, 1),
    databaseStatementTimeoutMs: int('DATABASE_STATEMENT_TIMEOUT_MS', env.DATABASE_STATEMENT_TIMEOUT_MS, 0),
    databasePrepare: bool(env.DATABASE_PREPARE, true),
    smtpUrl: env.SMTP_URL || undefined,
    smtpConnectionTimeoutMs: int('SMTP_CONNECTION_TIMEOUT_MS', env.SMTP_CONNECTION_TIMEOUT_MS, 10_000, 1),
    smtpGreetingTimeoutMs: int('SMTP_GREETING_TIMEOUT_MS', env.SMTP_GREETING_TIMEOUT_MS, 10_000, 1),
    smtpSocketTimeoutMs: int('SMTP_SOCKET_TIMEOUT_MS', env.SMTP_SOCKET_TIMEOUT_MS, 30_000, 1),
    mailFrom: env.MAIL_FROM ?? 'Dezvolt <no-reply@localhost>',
    secret: env.DEZVOLT_SECRET || undefined,
    // Browsers accept Secure cookies on http://localhost, so secure is the safe default everywhere.
    cookieSecure: bool(env.DEZVOLT_SECURE_COOKIES, true),
    defaultLocale: locale,
    disabledModules: (env.DEZVOLT_DISABLED_MODULES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    tileUrl: env.DEZVOLT_TILE_URL ?? '',
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: bool(env.DEZVOLT_SEED_DEMO, true),
    runWorker: bool(env.DEZVOLT_WORKER, true),
    rateLimitMax: int('DEZVOLT_RATE_LIMIT', env.DEZVOLT_RATE_LIMIT, 300),
    demoPassword: env.DEZVOLT_DEMO_PASSWORD || undefined,
    mqttPort: int('MQTT_PORT', env.MQTT_PORT, 1883),
    mqttUrl: env.MQTT_URL || undefined,
    simulate: env.DEZVOLT_SIMULATE || undefined,
  };
  return { ...cfg, ...overrides };
}
