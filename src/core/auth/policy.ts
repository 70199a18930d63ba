// Authorization is plain functions: each module's policy file maps its actions to a rule
// `(actor, subject) => boolean`, and routes ask `can(actor, action, subject)`.
import type { Actor } from './actor.ts';

export type Rule<S> = (actor: Actor, subject: S) => boolean;

export interface Policy<A extends string, S = unknown> {
  actions: readonly A[];
  can(actor: Actor, action: A, subject?: S): boolean;
}

export function definePolicy<A extends string, S = unknown>(rules: Record<A, Rule<S | undefined>>): Policy<A, S> {
  const actions = Object.keys(rules) as A[];
  return {
    actions,
    can(actor, action, subject) {
      const rule = rules[action];
      if (!rule) return false; // an unknown action is always denied
      return rule(actor, subject);
    },
  };
}
