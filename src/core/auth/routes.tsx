// Register, log in/out, verify email, reset password. HTML forms first (they work without JS);
// the JSON session endpoints serve islands and API clients.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { formErrors, str } from '../http/form-errors.ts';
import { cookieOptions } from '../http/request-context.ts';
import { problem, sendProblem } from '../http/problem.ts';
import { login, registerUser, requestPasswordReset, resetPassword, sendVerification, verifyEmail } from './commands.ts';
import { createSession, destroySession, SESSION_COOKIE, SESSION_DAYS } from './sessions.ts';
import { MIN_PASSWORD_LENGTH } from './password.ts';
import { ForgotPage, LoginPage, RegisterPage, ResetPage } from './pages.tsx';

const email = { type: 'string', format: 'email', maxLength: 254 } as const;
const password = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 } as const;

const registerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password', 'displayName', 'acceptTerms'],
  properties: {
    email,
    password,
    displayName: { type: 'string', minLength: 2, maxLength: 80, pattern: '\\S' },
    acceptTerms: { type: 'string', enum: ['on'] },
    notifications: { type: 'string', enum: ['on'] },
  },
} as const;

const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: { email: { type: 'string', maxLength: 254, minLength: 1 }, password: { type: 'string', minLength: 1, maxLength: 200 }, next: { type: 'string', maxLength: 2000 } },
} as const;

const REGISTER_FIELDS = { email: 'auth.err.email', password: 'auth.err.password', displayName: 'auth.err.displayName', acceptTerms: 'auth.err.terms' };

function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

async function startSession(ctx: AppContext, reply: FastifyReply, userId: string): Promise<void> {
  const token = await createSession(ctx.database, userId);
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(ctx, SESSION_DAYS * 24 * 3600));
}

export async function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Ignored when rate limiting is switched off (DEZVOLT_RATE_LIMIT=0).
  const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get('/register', { schema: { hide: true } }, async (req, reply) => {
    return reply.page(req.t('auth.register.title'), <RegisterPage page={await req.pageContext()} />);
  });

  app.post('/register', { schema: { hide: true, body: registerBody }, attachValidation: true, config: loginLimit }, async (req, reply) => {
    const values = { email: str(req.body, 'email'), displayName: str(req.body, 'displayName'), acceptTerms: str(req.body, 'acceptTerms'), notifications: str(req.body, 'notifications') };
    const errors = formErrors(req, REGISTER_FIELDS).map((e) => (e.field === 'password' ? { ...e, reason: req.t('auth.err.password', { min: MIN_PASSWORD_LENGTH }) } : e));
    if (errors.length) return reply.page(req.t('auth.register.title'), <RegisterPage page={await req.pageContext()} errors={errors} values={values} />, { status: 400 });
    const body = req.body as { email: string; password: string; displayName: string; notifications?: string };
    const outcome = await registerUser(ctx, { ...body, notifications: body.notifications === 'on', locale: req.locale });
    if (outcome.kind === 'email_taken') {
      const errs = [{ field: 'email', reason: req.t('auth.err.emailTaken') }];
      return reply.page(req.t('auth.register.title'), <RegisterPage page={await req.pageContext()} errors={errs} values={values} />, { status: 409 });
    }
    await startSession(ctx, reply, outcome.userId);
    return reply.redirectWithNotice('/account', 'auth.notice.registered');
  });

  app.get<{ Querystring: { next?: string } }>('/login', { schema: { hide: true, querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 } } } } }, async (req, reply) => {
    return reply.page(req.t('auth.login.title'), <LoginPage page={await req.pageContext()} values={{ next: req.query.next }} />);
  });

  app.post('/login', { schema: { hide: true, body: loginBody }, attachValidation: true, config: loginLimit }, async (req, reply) => {
    const values = { email: str(req.body, 'email'), next: str(req.body, 'next') };
    const fieldErrors = formErrors(req, { email: 'auth.err.email', password: 'auth.err.invalidLogin' });
    if (fieldErrors.length) return reply.page(req.t('auth.login.title'), <LoginPage page={await req.pageContext()} errors={fieldErrors} values={values} />, { status: 400 });
    const body = req.body as { email: string; password: string };
    const outcome = await login(ctx, body.email, body.password);
    if (outcome.kind !== 'ok') {
      const reason = outcome.kind === 'locked' ? req.t('auth.err.locked', { minutes: outcome.minutes }) : req.t('auth.err.invalidLogin');
      return reply.page(req.t('auth.login.title'), <LoginPage page={await req.pageContext()} errors={[{ field: 'email', reason }]} values={values} />, {
        status: outcome.kind === 'locked' ? 429 : 401,
      });
    }
    if (req.sessionToken) await destroySession(ctx.database, req.sessionToken);
    await startSession(ctx, reply, outcome.userId);
    return reply.redirectWithNotice(safeNext(values.next), 'auth.notice.loggedIn');
  });

  app.post('/logout', { schema: { hide: true } }, async (req, reply) => {
    if (req.sessionToken) await destroySession(ctx.database, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirectWithNotice('/', 'auth.notice.loggedOut');
  });

  app.get<{ Querystring: { token?: string } }>(
    '/verify-email',
    { schema: { hide: true, querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } } },
    async (req, reply) => {
      const outcome = req.query.token ? await verifyEmail(ctx, req.query.token) : 'invalid_token';
      if (outcome === 'invalid_token') {
        return reply.code(400).page(req.t('auth.err.token'), <p>{req.t('auth.err.token')}</p>, { status: 400 });
      }
      return reply.redirectWithNotice(req.actor.kind === 'user' ? '/account' : '/login', 'auth.notice.verified');
    },
  );

  app.post('/verify-email/resend', { schema: { hide: true }, config: loginLimit }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/login', 303);
    if (!req.actor.emailVerified) {
      const city = await ctx.settings.city();
      await sendVerification(ctx, { id: req.actor.id, email: req.actor.email, displayName: req.actor.displayName, locale: req.actor.locale }, city.name);
    }
    return reply.redirectWithNotice('/account', 'auth.notice.verifySent');
  });

  app.get('/forgot-password', { schema: { hide: true } }, async (req, reply) => {
    return reply.page(req.t('auth.forgot.title'), <ForgotPage page={await req.pageContext()} />);
  });

  app.post(
    '/forgot-password',
    { schema: { hide: true, body: { type: 'object', additionalProperties: false, required: ['email'], properties: { email } } }, attachValidation: true, config: loginLimit },
    async (req, reply) => {
      const errors = formErrors(req, { email: 'auth.err.email' });
      if (errors.length) return reply.page(req.t('auth.forgot.title'), <ForgotPage page={await req.pageContext()} errors={errors} values={{ email: str(req.body, 'email') }} />, { status: 400 });
      await requestPasswordReset(ctx, (req.body as { email: string }).email);
      return reply.page(req.t('auth.forgot.title'), <ForgotPage page={await req.pageContext()} sent />);
    },
  );

  app.get<{ Querystring: { token?: string } }>(
    '/reset-password',
    { schema: { hide: true, querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } } },
    async (req, reply) => {
      return reply.page(req.t('auth.reset.title'), <ResetPage page={await req.pageContext()} token={req.query.token ?? ''} />);
    },
  );

  app.post(
    '/reset-password',
    {
      schema: { hide: true, body: { type: 'object', additionalProperties: false, required: ['token', 'password'], properties: { token: { type: 'string', minLength: 1, maxLength: 200 }, password } } },
      attachValidation: true,
      config: loginLimit,
    },
    async (req, reply) => {
      const token = str(req.body, 'token') ?? '';
      const errors = formErrors(req, { password: 'auth.err.password', token: 'auth.err.token' }).map((e) =>
        e.field === 'password' ? { ...e, reason: req.t('auth.err.password', { min: MIN_PASSWORD_LENGTH }) } : e,
      );
      if (errors.length) return reply.page(req.t('auth.reset.title'), <ResetPage page={await req.pageContext()} token={token} errors={errors} />, { status: 400 });
      const outcome = await resetPassword(ctx, token, (req.body as { password: string }).password);
      if (outcome === 'invalid_token') {
        return reply.page(req.t('auth.reset.title'), <ResetPage page={await req.pageContext()} token={token} errors={[{ field: 'password', reason: req.t('auth.err.token') }]} />, { status: 400 });
      }
      return reply.redirectWithNotice('/login', 'auth.notice.passwordReset');
    },
  );

  // JSON login for API clients and islands: sets the same session cookie as the form.
  app.post(
    '/api/v1/session',
    {
      config: { ...loginLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Log in with email and password; sets the session cookie',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['email', 'password'],
          properties: { email: { type: 'string', format: 'email', maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: { type: 'object', properties: { id: { type: 'string' } } } },
      },
    },
    async (req, reply) => {
      const body = req.body as { email: string; password: string };
      const outcome = await login(ctx, body.email, body.password);
      if (outcome.kind === 'locked') return sendProblem(reply, problem(429, 'locked', 'Too many failed attempts', `Try again in ${outcome.minutes} minutes.`));
      if (outcome.kind === 'invalid') return sendProblem(reply, problem(401, 'invalid-credentials', 'The email or password is not correct'));
      await startSession(ctx, reply, outcome.userId);
      return { id: outcome.userId };
    },
  );

  // JSON: who am I (islands use it; also documents the session model in OpenAPI).
  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in person, or 401',
        response: {
          200: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              displayName: { type: 'string' },
              locale: { type: 'string' },
              emailVerified: { type: 'boolean' },
              roles: { type: 'array', items: { type: 'string' } },
              departmentIds: { type: 'array', items: { type: 'integer' } },
              csrfToken: { type: 'string' },
            },
          },
        },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return sendProblem(reply, problem(401, 'unauthenticated', 'Not signed in'));
      const a = req.actor;
      return { id: a.id, displayName: a.displayName, locale: a.locale, emailVerified: a.emailVerified, roles: a.roles, departmentIds: a.departmentIds, csrfToken: req.csrfToken };
    },
  );
}
