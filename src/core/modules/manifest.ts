// What a module declares. The app reads manifests; core never imports a module directly
// (the only list of modules is src/modules/index.ts).
import type { FastifyInstance } from 'fastify';
import type { Migration } from '../db/migrate.ts';
import type { TxQuery } from '../db/database.ts';
import type { AnyMessages } from '../i18n/catalog.ts';
import type { JobContext } from '../jobs/queue.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../auth/actor.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { Locale } from '../config/config.ts';

export interface NavEntry {
  href: string;
  /** Message key for the label. */
  label: string;
  audience: 'public' | 'admin';
}

export type OpenDataFormat = 'json' | 'csv' | 'geojson';

/** A dataset file: a whole string, or chunks so a large dataset streams (src/core/open-data/encode.ts builds them). */
export type OpenDataBody = string | AsyncIterable<string>;

export interface OpenDataVersion {
  /** ISO 8601 with milliseconds, so two changes within one second still give two ETags. */
  at: string;
  /** What else changes the file without a newer timestamp (e.g. a row count, for a deletion); part of the ETag. */
  tag?: string;
}

/** A public dataset the /open-data catalog lists and serves; only data anyone may already see. */
export interface OpenDataExport {
  /** Stable dataset id, e.g. `reports` (letters, digits and dashes: it names the file). */
  id: string;
  /** Message key for the title. */
  title: string;
  /** Message key for the description. */
  description: string;
  formats: OpenDataFormat[];
  /**
   * The data's newest change, from one cheap query (an indexed max(), a small table or a summary
   * table). The catalog shows it as the dataset's date, and downloads answer conditional requests
   * from it (Last-Modified, weak ETag, 304). Leave it out where no cheap query can tell: a date
   * that misses a change would serve stale files.
   */
  lastModified?(ctx: AppContext): Promise<OpenDataVersion | null>;
  produce(ctx: AppContext, format: OpenDataFormat, opts: { locale: Locale }): Promise<OpenDataBody>;
}

export interface HomeCard {
  title: string;
  body: string;
  href: string;
  linkLabel: string;
}

export interface ModuleSeeds {
  /** Demo data for "Cluj-Napoca (demo)"; runs once after the core demo seed. */
  demo?(ctx: AppContext): Promise<void>;
}

/** A per-component setting an admin configures on a space's component (stored in space_components.settings). */
export interface SpaceComponentSetting {
  name: string;
  /** Message key of the label. */
  label: string;
  type: 'integer' | 'boolean' | 'text';
  default: number | boolean | string;
  min?: number;
  max?: number;
}

/** Declares that participatory spaces (src/modules/spaces) can host this module as a component. */
export interface SpaceComponentDecl {
  /** Message key naming the component type in the admin's "add a component" list. */
  title: string;
  /** Public address of one component hosted by a space. */
  href(space: { id: number; slug: string }, componentId: number): string;
  settings?: SpaceComponentSetting[];
}

export interface ModuleManifest {
  name: string;
  /** Message key naming the module. */
  title: string;
  migrations: Migration[];
  messages?: AnyMessages;
  /** action → human description (message key). The module's policy file decides who may. */
  actions?: Record<string, string>;
  /**
   * JSON Schema of the module's settings, edited on /admin/settings/modules (labels `<name>.settings.<property>`,
   * optional help `<name>.settings.<property>.hint`, enum choices `<name>.settings.<property>.<value>`).
   * Stored in the settings table under `key`, `module.<name>` unless given; the module reads that
   * same key. A string property marked `writeOnly: true` is a secret the form never shows back.
   */
  settings?: { key?: string; schema: Record<string, unknown>; defaults: Record<string, unknown> };
  routes?(app: FastifyInstance, ctx: AppContext): Promise<void> | void;
  seeds?: ModuleSeeds;
  /** Registered as `<module>.<name>`; enqueue with ctx.jobs.enqueue('<module>.<name>', payload). */
  jobs?: Record<string, (ctx: AppContext, payload: Record<string, unknown>, job: JobContext) => Promise<void>>;
  openData?: OpenDataExport[];
  nav?: NavEntry[];
  /** What this module contributes to the home page's "happening now". */
  homeCard?(ctx: AppContext, actor: Actor, t: Translate): Promise<HomeCard | null>;
  /** Everything this module holds about the person, for their data export (never secrets). */
  personalData?(ctx: AppContext, userId: string): Promise<Record<string, unknown>>;
  /** Removes or anonymises the person's data inside the account-erasure transaction. */
  eraseUser?(ctx: AppContext, userId: string, tx: TxQuery): Promise<void>;
  /** Long-running services of a served app (e.g. a broker); called by `dezvolt start`, returns the stop function. */
  start?(ctx: AppContext): Promise<() => Promise<void>>;
  /** Set when a participatory space can host this module (space_components.module = name). */
  spaceComponent?: SpaceComponentDecl;
}

export function defineModule(m: ModuleManifest): ModuleManifest {
  return m;
}
