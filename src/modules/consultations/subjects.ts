// Objectives as comment threads (through the comments module) and as things to follow.
import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { registerCommentable } from '../comments/commentables.ts';
import { registerFollowable } from '../notifications/followables.ts';
import { consultationPolicy } from './policy.ts';
import { getConsultation, getObjective } from './queries.ts';

export const OBJECTIVE_SUBJECT = 'consultation_objective';

async function visible(ctx: AppContext, id: number, actor: Actor) {
  const o = await getObjective(ctx.database, id);
  const c = o && (await getConsultation(ctx.database, o.consultationId));
  return o && c && consultationPolicy.can(actor, 'consultation.view', c) ? { o, c } : null;
}

export function registerConsultationSubjects(): void {
  registerCommentable(OBJECTIVE_SUBJECT, {
    async load(ctx, id, actor) {
      const found = await visible(ctx, id, actor);
      return found && { title: `${found.o.code} ${found.o.title}`, url: `/consultations/objectives/${id}`, open: found.c.status === 'open' };
    },
  });
  registerFollowable(OBJECTIVE_SUBJECT, {
    async load(ctx, id, actor) {
      const found = await visible(ctx, id, actor);
      return found && { title: `${found.o.code} ${found.o.title}`, url: `/consultations/objectives/${id}` };
    },
  });
}

/** The comments module may be switched off; then objectives show no thread. */
export const commentsEnabled = (ctx: AppContext) => ctx.modules.some((m) => m.name === 'comments');
