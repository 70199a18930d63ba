// "My account": profile, password, consents, demographics, data export and erasure. HTML forms
// only; each POST redirects with a notice or re-renders the page with field errors.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { UserActor } from '../auth/actor.ts';
import type { FieldError } from '../http/problem.ts';
import { LOCALES, type Locale } from '../config/config.ts';
import { formErrors, str } from '../http/form-errors.ts';
import { cookieOptions, LANG_COOKIE } from '../http/request-context.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { accountPolicy, type AccountAction } from './policy.ts';
import { changePassword, saveDemographics, setConsents, updateProfile } from './commands.ts';
import { eraseAccount } from './erase.ts';
import { collectPersonalData } from './export.ts';
import { GENDERS, listDistricts, loadAccount, type Gender } from './queries.ts';
import { AccountPage } from './account-page.tsx';
import { ErasePage } from './erase-page.tsx';

const profileBody = {
  type: 'object',
  additionalProperties: false,
  required: ['displayName', 'locale'],
  properties: { displayName: { type: 'string', minLength: 2, maxLength: 80, pattern: '\\S' }, locale: { type: 'string', enum: [...LOCALES] } },
} as const;

const passwordBody = {
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 200 }, newPassword: { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 } },
} as const;

const consentsBody = {
  type: 'object',
  additionalProperties: false,
  properties: { notifications: { type: 'string', enum: ['on'] }, demographics: { type: 'string', enum: ['on'] } },
} as const;

// Every demographic field is optional, so an empty string means "not stated".
const demographicsBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    birthYear: { type: 'string', pattern: '^\\s*(\\d{4})?\\s*$' },
    gender: { type: 'string', enum: ['', ...GENDERS] },
    districtId: { type: 'string', pattern: '^(\\d{1,9})?$' },
  },
} as const;

const eraseBody = {
  type: 'object',
  additionalProperties: false,
  required: ['password', 'confirm'],
  properties: { password: { type: 'string', minLength: 1, maxLength: 200 }, confirm: { type: 'string', enum: ['on'] } },
} as const;

const ACCOUNT = '/account';
const ERASE = '/account/erase';
const sensitiveLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

function birthYearError(req: FastifyRequest): string {
  return req.t('account.err.birthYear', { year: new Date().getUTCFullYear() });
}

export async function registerPrivacyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  /** The signed-in owner, or null after sending an anonymous visitor to log in and come back. */
  function owner(req: FastifyRequest, reply: FastifyReply, action: AccountAction, back: string): UserActor | null {
    const actor = req.actor;
    if (actor.kind === 'user' && accountPolicy.can(actor, action, { ownerId: actor.id })) return actor;
    void reply.redirect(`/login?next=${back}`, 303);
    return null;
  }

  async function accountPage(req: FastifyRequest, reply: FastifyReply, userId: string, opts: { errors?: FieldError[]; values?: Record<string, string | undefined>; status?: number } = {}) {
    const account = await loadAccount(ctx, userId);
    if (!account) return reply.redirect(`/login?next=${ACCOUNT}`, 303);
    const page = await req.pageContext();
    const districts = await listDistricts(ctx);
    return reply.page(req.t('account.title'), <AccountPage page={page} account={account} districts={districts} errors={opts.errors} values={opts.values} />, {
      status: opts.status ?? 200,
    });
  }

  app.get(ACCOUNT, { schema: { hide: true } }, async (req, reply) => {
    const me = owner(req, reply, 'account.view', ACCOUNT);
    if (!me) return reply;
    return accountPage(req, reply, me.id);
  });

  app.post('/account/profile', { schema: { hide: true, body: profileBody }, attachValidation: true }, async (req, reply) => {
    const me = owner(req, reply, 'account.edit', ACCOUNT);
    if (!me) return reply;
    const values = { displayName: str(req.body, 'displayName'), locale: str(req.body, 'locale') };
    const errors = formErrors(req, { displayName: 'auth.err.displayName', locale: 'account.err.locale' });
    if (errors.length) return accountPage(req, reply, me.id, { errors, values, status: 400 });
    const body = req.body as { displayName: string; locale: Locale };
    await updateProfile(ctx, me.id, body);
    // The language cookie outranks the stored preference, so it follows the new choice at once.
    reply.setCookie(LANG_COOKIE, body.locale, { ...cookieOptions(ctx, 365 * 24 * 3600), httpOnly: false });
    return reply.redirectWithNotice(ACCOUNT, 'account.notice.profile');
  });

  app.post('/account/password', { schema: { hide: true, body: passwordBody }, attachValidation: true, config: sensitiveLimit }, async (req, reply) => {
    const me = owner(req, reply, 'account.edit', ACCOUNT);
    if (!me) return reply;
    const errors = formErrors(req, { currentPassword: 'account.err.passwordRequired', newPassword: 'auth.err.password' }).map((e) =>
      e.field === 'newPassword' ? { ...e, reason: req.t('auth.err.password', { min: MIN_PASSWORD_LENGTH }) } : e,
    );
    if (errors.length) return accountPage(req, reply, me.id, { errors, status: 400 });
    const body = req.body as { currentPassword: string; newPassword: string };
    const outcome = await changePassword(ctx, me.id, { current: body.currentPassword, next: body.newPassword, keepSessionToken: req.sessionToken });
    if (outcome.kind === 'wrong_password') {
      return accountPage(req, reply, me.id, { errors: [{ field: 'currentPassword', reason: req.t('account.err.currentPassword') }], status: 400 });
    }
    return reply.redirectWithNotice(ACCOUNT, 'account.notice.password');
  });

  app.post('/account/consents', { schema: { hide: true, body: consentsBody }, attachValidation: true }, async (req, reply) => {
    const me = owner(req, reply, 'account.edit', ACCOUNT);
    if (!me) return reply;
    const errors = formErrors(req, {});
    if (errors.length) return accountPage(req, reply, me.id, { errors, status: 400 });
    const body = (req.body ?? {}) as { notifications?: string; demographics?: string };
    await setConsents(ctx, me.id, { notifications: body.notifications === 'on', demographics: body.demographics === 'on' });
    return reply.redirectWithNotice(ACCOUNT, 'account.notice.consents');
  });

  app.post('/account/demographics', { schema: { hide: true, body: demographicsBody }, attachValidation: true }, async (req, reply) => {
    const me = owner(req, reply, 'account.edit', ACCOUNT);
    if (!me) return reply;
    const values = { birthYear: str(req.body, 'birthYear'), gender: str(req.body, 'gender'), districtId: str(req.body, 'districtId') };
    const errors = formErrors(req, { birthYear: 'account.err.birthYear', gender: 'account.err.gender', districtId: 'account.err.district' }).map((e) =>
      e.field === 'birthYear' ? { ...e, reason: birthYearError(req) } : e,
    );
    if (errors.length) return accountPage(req, reply, me.id, { errors, values, status: 400 });
    const year = values.birthYear?.trim();
    const outcome = await saveDemographics(ctx, me.id, {
      birthYear: year ? Number(year) : null,
      gender: values.gender ? (values.gender as Gender) : null,
      districtId: values.districtId ? Number(values.districtId) : null,
    });
    if (outcome.kind === 'no_consent') {
      return accountPage(req, reply, me.id, { errors: [{ field: 'demographics', reason: req.t('account.err.noConsent') }], status: 409 });
    }
    if (outcome.kind === 'invalid') {
      const reason = outcome.field === 'birthYear' ? birthYearError(req) : req.t('account.err.district');
      return accountPage(req, reply, me.id, { errors: [{ field: outcome.field, reason }], values, status: 400 });
    }
    return reply.redirectWithNotice(ACCOUNT, 'account.notice.demographics');
  });

  app.get('/account/export', { schema: { hide: true } }, async (req, reply) => {
    const me = owner(req, reply, 'account.export', '/account/export');
    if (!me) return reply;
    const outcome = await collectPersonalData(ctx, me.id);
    if (outcome.kind === 'not_found') return reply.redirect(`/login?next=${ACCOUNT}`, 303);
    return reply
      .header('content-disposition', `attachment; filename="${outcome.filename}"`)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(outcome.data, null, 2));
  });

  app.get(ERASE, { schema: { hide: true } }, async (req, reply) => {
    const me = owner(req, reply, 'account.erase', ERASE);
    if (!me) return reply;
    return reply.page(req.t('account.erase.title'), <ErasePage page={await req.pageContext()} />);
  });

  app.post(ERASE, { schema: { hide: true, body: eraseBody }, attachValidation: true, config: sensitiveLimit }, async (req, reply) => {
    const me = owner(req, reply, 'account.erase', ERASE);
    if (!me) return reply;
    // In the order of the form, so the summary reads like the page.
    const errors = formErrors(req, { password: 'account.err.passwordRequired', confirm: 'account.err.confirm' }).sort((a, b) => (a.field === 'password' ? -1 : b.field === 'password' ? 1 : 0));
    if (errors.length) return reply.page(req.t('account.erase.title'), <ErasePage page={await req.pageContext()} errors={errors} />, { status: 400 });
    const outcome = await eraseAccount(ctx, me.id, (req.body as { password: string }).password);
    if (outcome.kind === 'wrong_password' || outcome.kind === 'last_admin') {
      const error = outcome.kind === 'wrong_password' ? { field: 'password', reason: req.t('account.err.currentPassword') } : { field: 'confirm', reason: req.t('account.err.lastAdmin') };
      return reply.page(req.t('account.erase.title'), <ErasePage page={await req.pageContext()} errors={[error]} />, { status: outcome.kind === 'last_admin' ? 409 : 400 });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirectWithNotice('/', 'account.notice.erased');
  });
}
