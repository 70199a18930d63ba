// Things people can follow, registered by the modules that own them (proposals, debates, …): the
// follow route asks the owner whether the thing exists and whether this person may see it.
import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';

export interface Followable {
  /** The thing's page and title when `actor` may see it, otherwise null. */
  load(ctx: AppContext, id: number, actor: Actor): Promise<{ url: string; title: string } | null>;
}

const registry = new Map<string, Followable>();

export function registerFollowable(type: string, f: Followable): void {
  registry.set(type, f);
}

export function followable(type: string): Followable | undefined {
  return registry.get(type);
}
