// /admin/settings/modules: the settings every enabled module declares (manifest `settings`) and the
// open-data licence, one fieldset each, generated from their JSON Schemas.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { FieldError } from '../../http/problem.ts';
import { fieldErrorsFromValidation } from '../../http/problem.ts';
import { adminActor, requirePage } from '../guard.tsx';
import { choiceErrors, fieldErrorText, formBodySchema, postedValues, settingsFromForm, settingsSections, storedValues, type FormValue } from './module-fields.ts';
import { loadSections, saveModuleSettings } from './module-commands.ts';
import { ModuleSettingsPage } from './module-page.tsx';

export async function registerModuleSettingsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preValidation: requirePage('settings.edit') };
  const sections = settingsSections(ctx.modules, (key) => ctx.catalog.has('ro', key));
  const fields = new Map(sections.flatMap((s) => s.fields.map((f) => [f.name, f] as const)));
  const hints = new Set(sections.flatMap((s) => s.fields.map((f) => f.hint)).filter((k) => ctx.catalog.has('ro', k)));

  async function page(req: FastifyRequest, reply: FastifyReply, values: Record<string, FormValue> | null, errors?: FieldError[], status = 200) {
    const stored = await loadSections(ctx, sections);
    const shown = values ?? Object.assign({}, ...sections.map((s) => storedValues(s, stored.get(s.id)!)));
    const storedSecrets = new Set(sections.flatMap((s) => s.fields.filter((f) => f.kind === 'secret' && stored.get(s.id)![f.property]).map((f) => f.name)));
    return reply.page(req.t('admin.moduleSettings.title'), <ModuleSettingsPage page={await req.pageContext()} view={{ sections, values: shown, storedSecrets, hints, errors }} />, { status });
  }

  /** One message per field, said from the field's schema. */
  function errorsOf(req: FastifyRequest, names: string[]): FieldError[] {
    const order = [...fields.keys()];
    // In the form's order; unknown fields last.
    const rank = (n: string) => {
      const i = order.indexOf(n.replace(/\.clear$/, ''));
      return i < 0 ? order.length : i;
    };
    return [...new Set(names)].sort((a, b) => rank(a) - rank(b)).map((name) => {
      const f = fields.get(name) ?? fields.get(name.replace(/\.clear$/, ''));
      return { field: name, reason: f ? fieldErrorText(f, req.t) : req.t('form.unknownField', { field: name }) };
    });
  }

  app.get('/admin/settings/modules', { schema: { hide: true }, ...guard }, async (req, reply) => page(req, reply, null));

  app.post('/admin/settings/modules', { schema: { hide: true, body: formBodySchema(sections) }, attachValidation: true, ...guard }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const v = req.validationError as unknown as { validation?: Parameters<typeof fieldErrorsFromValidation>[0] } | undefined;
    const invalid = v?.validation ? fieldErrorsFromValidation(v.validation).map((e) => e.field.split('/')[0] ?? e.field) : [];
    const stored = await loadSections(ctx, sections);
    invalid.push(...sections.flatMap((s) => choiceErrors(s, body, stored.get(s.id)!).map((f) => f.name)));
    if (invalid.length) return page(req, reply, postedValues(sections, body), errorsOf(req, invalid), 400);
    await saveModuleSettings(
      ctx,
      adminActor(req).id,
      sections.map((s) => ({ section: s, value: settingsFromForm(s, body, stored.get(s.id)!) })),
    );
    return reply.redirectWithNotice('/admin/settings/modules', 'admin.notice.saved');
  });
}
