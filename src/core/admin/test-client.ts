// What the admin integration tests share: a signed-in browser that gets pages and posts forms
// through app.inject, exactly as a person without JavaScript would.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../context.ts';
import { browser } from '../testing/factories.ts';

export interface TestBrowser {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, fields?: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
}

/** `fields` values that are arrays repeat the name, as checkboxes do. */
export function encodeForm(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return params.toString();
}

export async function signedIn(app: FastifyInstance, ctx: AppContext, userId?: string): Promise<TestBrowser> {
  const b = await browser(ctx, userId);
  return {
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie: b.cookie, accept: 'text/html' } }),
    post: (url, fields = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: b.cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        payload: encodeForm({ _csrf: b.csrf, ...fields }),
      }),
  };
}

/** Audit rows about one subject, oldest first. */
export async function auditFor(ctx: AppContext, subjectType: string, subjectId: string | number) {
  return ctx.database.query<{ actor_id: string | null; action: string; details: Record<string, unknown> }>(
    'select actor_id, action, details from audit_log where subject_type = $1 and subject_id = $2 order by id',
    [subjectType, String(subjectId)],
  );
}
