// /admin/settings: the city's name, language, contact, welcome texts and map view; enabled modules.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { FieldError } from '../../http/problem.ts';
import { formErrors, str } from '../../http/form-errors.ts';
import type { CitySettings } from '../../settings/settings.ts';
import { adminActor, requirePage } from '../guard.tsx';
import { SettingsPage } from './pages.tsx';
import { saveCitySettings, type CitySettingsInput } from './commands.ts';

const welcome = { type: 'string', maxLength: 500 } as const;
const settingsBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'defaultLocale', 'contactEmail', 'centerLat', 'centerLng', 'zoom'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' },
    defaultLocale: { type: 'string', enum: ['ro', 'en', 'hu'] },
    contactEmail: { type: 'string', format: 'email', maxLength: 254 },
    welcomeRo: welcome,
    welcomeEn: welcome,
    welcomeHu: welcome,
    centerLat: { type: 'number', minimum: -90, maximum: 90 },
    centerLng: { type: 'number', minimum: -180, maximum: 180 },
    zoom: { type: 'integer', minimum: 1, maximum: 19 },
  },
} as const;

const FIELDS = {
  name: 'admin.err.cityName',
  defaultLocale: 'admin.err.locale',
  contactEmail: 'admin.err.email',
  welcomeRo: 'admin.err.welcome',
  welcomeEn: 'admin.err.welcome',
  welcomeHu: 'admin.err.welcome',
  centerLat: 'admin.err.lat',
  centerLng: 'admin.err.lng',
  zoom: 'admin.err.zoom',
};
const NAMES = Object.keys(FIELDS);

function cityValues(city: CitySettings): Record<string, string> {
  return {
    name: city.name,
    defaultLocale: city.defaultLocale,
    contactEmail: city.contactEmail,
    welcomeRo: city.welcome.ro ?? '',
    welcomeEn: city.welcome.en ?? '',
    welcomeHu: city.welcome.hu ?? '',
    centerLat: String(city.center[0]),
    centerLng: String(city.center[1]),
    zoom: String(city.zoom),
  };
}

export async function registerSettingsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preValidation: requirePage('settings.edit') };

  async function settingsPage(req: FastifyRequest, reply: FastifyReply, values: Record<string, string | undefined>, errors?: FieldError[], status = 200) {
    const modules = ctx.modules.map((m) => ({ name: m.name, title: req.t(m.title) }));
    return reply.page(req.t('admin.settings.title'), <SettingsPage page={await req.pageContext()} values={values} modules={modules} errors={errors} />, { status });
  }

  app.get('/admin/settings', { schema: { hide: true }, ...guard }, async (req, reply) => settingsPage(req, reply, cityValues(await ctx.settings.city())));

  app.post('/admin/settings', { schema: { hide: true, body: settingsBody }, attachValidation: true, ...guard }, async (req, reply) => {
    const errors = formErrors(req, FIELDS);
    if (errors.length) {
      // Numbers the schema already coerced are shown back as the text the person typed.
      const values = Object.fromEntries(NAMES.map((n) => [n, str(req.body, n) ?? stringOf(req.body, n)]));
      return settingsPage(req, reply, values, errors, 400);
    }
    const body = req.body as Partial<CitySettingsInput>;
    await saveCitySettings(ctx, adminActor(req).id, {
      name: body.name!,
      defaultLocale: body.defaultLocale!,
      contactEmail: body.contactEmail!,
      welcomeRo: body.welcomeRo ?? '',
      welcomeEn: body.welcomeEn ?? '',
      welcomeHu: body.welcomeHu ?? '',
      centerLat: body.centerLat!,
      centerLng: body.centerLng!,
      zoom: body.zoom!,
    });
    return reply.redirectWithNotice('/admin/settings', 'admin.notice.saved');
  });
}

function stringOf(body: unknown, name: string): string | undefined {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'number' ? String(v) : undefined;
}
