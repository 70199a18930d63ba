import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import type { Catalog } from './i18n/catalog.ts';
import type { ModuleManifest } from './modules/manifest.ts';
import type { Mailer } from './mail/mailer.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { EventBus } from './events/bus.ts';
import type { SettingsStore } from './settings/settings.ts';
import type { ReferenceCache } from './cache/reference-cache.ts';

/** Everything a request handler, job or seed may use; built once per process by createContext. */
export interface AppContext {
  config: Config;
  database: Database;
  catalog: Catalog;
  /** Enabled modules only. */
  modules: ModuleManifest[];
  mail: Mailer;
  jobs: JobQueue;
  events: EventBus;
  settings: SettingsStore;
  /** Rarely changing data read by most requests, dropped as soon as its tables change. */
  cache: ReferenceCache;
  /** HMAC key for CSRF tokens. */
  secret: string;
}
