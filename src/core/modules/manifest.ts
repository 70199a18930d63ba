// What a module declares. The app reads manifests; core never imports a module directly
// (the only list of modules is src/modules/index.ts).
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import type { Migration } from '../db/migrate.ts';
import type { AnyMessages } from '../i18n/catalog.ts';
import type { JobHandler } from '../jobs/queue.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../auth/actor.ts';
import type { Translate } from '../i18n/catalog.ts';

export interface NavEntry {
  href: string;
  /** Message key for the label. */
  label: string;
  audience: 'public' | 'admin';
}

export interface OpenDataExport {
  /** Stable dataset id, e.g. `reports`. */
  id: string;
  /** Message key for the title. */
  title: string;
  formats: ('json' | 'csv' | 'geojson')[];
  produce(ctx: AppContext, format: 'json' | 'csv' | 'geojson'): Promise<{ contentType: string; body: string }>;
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

export interface ModuleManifest {
  name: string;
  /** Message key naming the module. */
  title: string;
  migrations: Migration[];
  messages?: AnyMessages;
  /** action → human description (message key). The module's policy file decides who may. */
  actions?: Record<string, string>;
  settings?: { schema: TSchema; defaults: Record<string, unknown> };
  routes?(app: FastifyInstance, ctx: AppContext): Promise<void> | void;
  seeds?: ModuleSeeds;
  jobs?: Record<string, JobHandler>;
  openData?: OpenDataExport[];
  nav?: NavEntry[];
  /** What this module contributes to the home page's "happening now". */
  homeCard?(ctx: AppContext, actor: Actor, t: Translate): Promise<HomeCard | null>;
}

export function defineModule(m: ModuleManifest): ModuleManifest {
  return m;
}
