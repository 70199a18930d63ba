// What a hosted component (proposals, debates, surveys, meetings, …) needs to know about where it
// lives: its space, the active phase and what that phase opens, and its own settings with the
// defaults its manifest declares. Other modules import only this file and model.ts.
import type { Database, TxQuery } from '../../core/db/database.ts';
import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { spacePolicy } from './policy.ts';
import type { ModuleManifest, SpaceComponentDecl } from '../../core/modules/manifest.ts';
import { ALL_CLOSED, ALL_OPEN, phaseSettings, type PhaseSettings, type SpaceKind, type SpaceRef } from './model.ts';

export interface HostedComponent {
  id: number;
  module: string;
  title: string;
  published: boolean;
  settings: Record<string, unknown>;
  space: SpaceRef;
  phase: { id: number; title: string; description: string; startsOn: string | null; endsOn: string | null } | null;
  /**
   * What is open now. A space without phases (an assembly, a neighbourhood group) is always open;
   * a process is open as its active phase says, and closed between or after its phases.
   */
  flags: PhaseSettings;
}

export async function loadHostedComponent(db: Pick<Database, 'query'> | TxQuery, componentId: number, module?: string): Promise<HostedComponent | null> {
  const [r] = await db.query<{
    id: number;
    module: string;
    title: string;
    published: boolean;
    settings: Record<string, unknown> | null;
    space_id: number;
    kind: SpaceKind;
    slug: string;
    space_title: string;
    space_published: boolean;
    phase_id: number | null;
    phase_title: string | null;
    phase_description: string | null;
    starts_on: string | null;
    ends_on: string | null;
    phase_settings: unknown;
    phase_count: number;
  }>(
    `select c.id, c.module, c.title, c.published, c.settings, s.id as space_id, s.kind, s.slug, s.title as space_title, s.published as space_published,
            p.id as phase_id, p.title as phase_title, p.description as phase_description, p.starts_on::text as starts_on, p.ends_on::text as ends_on,
            p.settings as phase_settings, (select count(*)::int from space_phases x where x.space_id = s.id) as phase_count
     from space_components c join spaces s on s.id = c.space_id
     left join space_phases p on p.space_id = s.id and p.active
     where c.id = $1 and ($2::text is null or c.module = $2)`,
    [componentId, module ?? null],
    // Read by every page and API call of every hosted component.
    { prepare: true },
  );
  if (!r) return null;
  const flags = r.phase_id !== null ? phaseSettings(r.phase_settings) : r.phase_count === 0 ? ALL_OPEN : ALL_CLOSED;
  return {
    id: r.id,
    module: r.module,
    title: r.title,
    published: r.published,
    settings: r.settings ?? {},
    space: { id: r.space_id, kind: r.kind, slug: r.slug, title: r.space_title, published: r.space_published },
    phase: r.phase_id !== null ? { id: r.phase_id, title: r.phase_title!, description: r.phase_description ?? '', startsOn: r.starts_on, endsOn: r.ends_on } : null,
    flags,
  };
}

const HOSTED_TABLES = ['space_components', 'spaces', 'space_phases'] as const;

/**
 * loadHostedComponent for read-only requests: kept in memory until a component, space or phase
 * changes (core/cache/reference-cache.ts). Shared between requests, so it is frozen. Commands read
 * inside their transaction with loadHostedComponent instead.
 */
export function cachedHostedComponent(ctx: Pick<AppContext, 'database' | 'cache'>, componentId: number, module?: string): Promise<Readonly<HostedComponent> | null> {
  return ctx.cache.get(`hosted:${componentId}:${module ?? ''}`, HOSTED_TABLES, async () => deepFreeze(await loadHostedComponent(ctx.database, componentId, module)));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A component's setting, or the default its manifest declares. */
export function componentSetting(decl: SpaceComponentDecl | undefined, c: Pick<HostedComponent, 'settings'>, name: string): number | boolean | string | undefined {
  const v = c.settings[name];
  if (v !== undefined) return v as number | boolean | string;
  return decl?.settings?.find((s) => s.name === name)?.default;
}

/** The public address of a component, or null when its module is switched off. */
export function componentHref(modules: ModuleManifest[], space: { id: number; slug: string }, c: { id: number; module: string }): string | null {
  return modules.find((m) => m.name === c.module)?.spaceComponent?.href(space, c.id) ?? null;
}

/** A hosted component is visible to the public when it and its space are published. */
export function isPublic(c: Pick<HostedComponent, 'published' | 'space'>): boolean {
  return c.published && c.space.published;
}

/**
 * Whether an actor may see what lives in a space (a meeting, a survey, a consultation): everyone
 * when the space is published or there is none (`null`); otherwise only those who manage spaces.
 */
export function spaceContentVisible(actor: Actor, spacePublished: boolean | null): boolean {
  return spacePublished !== false || spacePolicy.can(actor, 'space.manage');
}
