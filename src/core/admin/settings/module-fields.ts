// The module settings form, generated from what manifests declare: each module's JSON Schema
// becomes one section of form fields named `<module>.<property>`, and the route validates the
// posted form with those same property schemas (compiled by the app's ajv, like any route body).
// The open-data licence is one more section of the same shape.
import type { ModuleManifest } from '../../modules/manifest.ts';
import type { Translate } from '../../i18n/catalog.ts';
import { DEFAULT_OPEN_DATA_SETTINGS, KNOWN_LICENSES } from '../../open-data/catalog.ts';

export type FieldKind = 'integer' | 'number' | 'text' | 'secret' | 'choice' | 'choices' | 'boolean';

type Schema = Record<string, unknown>;

export interface SettingField {
  /** The form field (and `f-<name>` the element id). */
  name: string;
  property: string;
  kind: FieldKind;
  /** The property's schema as the manifest declares it. */
  schema: Schema;
  /** Message keys. */
  label: string;
  hint: string;
  options: { value: string; label: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  /** A stored value outside `options` (written some other way) stays acceptable, so saving other sections does not change it. */
  keepsStored?: boolean;
}

export interface SettingsSection {
  id: string;
  /** Row of the settings table. */
  key: string;
  /** Message key of the fieldset's legend. */
  title: string;
  defaults: Record<string, unknown>;
  fields: SettingField[];
}

// Secrets are marked writeOnly in the schema; the name check keeps a secret that was not marked
// from ever being echoed into a page.
const SECRET_NAME = /(key|secret|password|token)$/i;

function kindOf(property: string, s: Schema): FieldKind | null {
  const items = s.items as Schema | undefined;
  if (s.type === 'array' && items?.type === 'string' && Array.isArray(items.enum)) return 'choices';
  if (s.type === 'integer') return 'integer';
  if (s.type === 'number') return 'number';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'string' && Array.isArray(s.enum)) return 'choice';
  if (s.type === 'string') return s.writeOnly === true || SECRET_NAME.test(property) ? 'secret' : 'text';
  // Nested objects and the like have no form control; their stored values are kept as they are.
  return null;
}

function fieldsOf(section: string, schema: Schema): SettingField[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const out: SettingField[] = [];
  for (const [property, s] of Object.entries(properties)) {
    const kind = kindOf(property, s);
    if (!kind) continue;
    const values = (kind === 'choices' ? (s.items as Schema).enum : kind === 'choice' ? s.enum : []) as string[];
    const base = `${section}.settings.${property}`;
    out.push({
      name: `${section}.${property}`,
      property,
      kind,
      schema: s,
      label: base,
      hint: `${base}.hint`,
      options: values.map((v) => ({ value: v, label: `${base}.${v}` })),
      ...(typeof s.minimum === 'number' ? { min: s.minimum } : {}),
      ...(typeof s.maximum === 'number' ? { max: s.maximum } : {}),
      ...(typeof s.maxLength === 'number' ? { maxLength: s.maxLength } : {}),
    });
  }
  return out;
}

export const OPEN_DATA_SECTION: SettingsSection = {
  id: 'openData',
  key: 'openData',
  title: 'openData.title',
  defaults: { ...DEFAULT_OPEN_DATA_SETTINGS },
  fields: [
    {
      name: 'openData.license',
      property: 'license',
      kind: 'choice',
      schema: { type: 'string', minLength: 1, maxLength: 100 },
      label: 'openData.settings.license',
      hint: 'openData.settings.license.hint',
      options: Object.keys(KNOWN_LICENSES).map((id) => ({ value: id, label: `openData.licenseName.${id}` })),
      keepsStored: true,
    },
  ],
};

/** `hasMessage` tells whether the catalogs name a module's settings (`<module>.settings.title`); otherwise the legend is the module's title. */
export function settingsSections(modules: ModuleManifest[], hasMessage: (key: string) => boolean): SettingsSection[] {
  const out: SettingsSection[] = [];
  for (const m of modules) {
    if (!m.settings) continue;
    const fields = fieldsOf(m.name, m.settings.schema);
    const title = hasMessage(`${m.name}.settings.title`) ? `${m.name}.settings.title` : m.title;
    if (fields.length) out.push({ id: m.name, key: m.settings.key ?? `module.${m.name}`, title, defaults: m.settings.defaults, fields });
  }
  return [...out, OPEN_DATA_SECTION];
}

export const clearName = (f: SettingField) => `${f.name}.clear`;

/** The route's body schema: every field with its property's own schema, nothing else accepted. */
export function formBodySchema(sections: SettingsSection[]): Schema {
  const properties: Record<string, Schema> = {};
  for (const f of sections.flatMap((s) => s.fields)) {
    // The app's ajv fills in defaults: an unticked box (sent as nothing) must stay unticked.
    const { default: _unused, ...schema } = f.schema;
    // An empty secret means "keep the stored one", whatever the schema asks of a new value.
    properties[f.name] = f.kind === 'secret' ? { anyOf: [{ type: 'string', maxLength: 0 }, schema] } : schema;
    if (f.kind === 'secret') properties[clearName(f)] = { type: 'string', enum: ['true'] };
  }
  return { type: 'object', additionalProperties: false, properties };
}

export type FormValue = string | string[] | boolean | undefined;

/** What the form shows for stored settings; a secret only says whether one is stored. */
export function storedValues(section: SettingsSection, stored: Record<string, unknown>): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const f of section.fields) {
    const v = stored[f.property];
    out[f.name] = display(f, v);
  }
  return out;
}

/** What the form shows back after an error: what was typed, except secrets. */
export function postedValues(sections: SettingsSection[], body: Record<string, unknown>): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const f of sections.flatMap((s) => s.fields)) out[f.name] = f.kind === 'secret' ? undefined : display(f, body[f.name]);
  return out;
}

function display(f: SettingField, v: unknown): FormValue {
  if (f.kind === 'secret') return undefined;
  if (f.kind === 'choices') return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
  if (f.kind === 'boolean') return v === true || v === 'true';
  return v === undefined || v === null ? '' : String(v);
}

/**
 * The section's new settings from a validated form. Properties without a control, an absent field
 * (a client that did not send it) and an empty secret keep their stored value; an unticked
 * checkbox is sent as nothing, so it means false (or no choice).
 */
export function settingsFromForm(section: SettingsSection, body: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...stored };
  for (const f of section.fields) {
    const v = body[f.name];
    if (f.kind === 'choices') out[f.property] = v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v];
    else if (f.kind === 'boolean') out[f.property] = v === true;
    else if (f.kind === 'secret') {
      if (body[clearName(f)] === 'true') out[f.property] = '';
      else if (typeof v === 'string' && v !== '') out[f.property] = v;
    } else if (f.kind === 'text' && typeof v === 'string') out[f.property] = v.trim();
    else if (v !== undefined) out[f.property] = v;
  }
  return out;
}

/** Fields whose posted value is not one of their choices (for `keepsStored` fields: nor the stored value). */
export function choiceErrors(section: SettingsSection, body: Record<string, unknown>, stored: Record<string, unknown>): SettingField[] {
  return section.fields.filter((f) => {
    if (!f.keepsStored) return false;
    const v = body[f.name];
    return v !== undefined && v !== stored[f.property] && !f.options.some((o) => o.value === v);
  });
}

/** What a field needs, said from its schema: the kind of value and its bounds. */
export function fieldErrorText(f: SettingField, t: Translate): string {
  const bounds = boundsText(f, t);
  switch (f.kind) {
    case 'integer':
      return [t('admin.moduleSettings.err.integer'), bounds].filter(Boolean).join(' ');
    case 'number':
      return [t('admin.moduleSettings.err.number'), bounds].filter(Boolean).join(' ');
    case 'choice':
      return t('admin.moduleSettings.err.choice');
    case 'choices':
      return t('admin.moduleSettings.err.choices');
    case 'boolean':
      return t('admin.moduleSettings.err.boolean');
    default:
      return f.maxLength !== undefined ? t('admin.moduleSettings.err.textMax', { max: f.maxLength }) : t('admin.moduleSettings.err.text');
  }
}

export function boundsText(f: SettingField, t: Translate): string {
  if (f.min !== undefined && f.max !== undefined) return t('admin.moduleSettings.between', { min: f.min, max: f.max });
  if (f.min !== undefined) return t('admin.moduleSettings.atLeast', { min: f.min });
  if (f.max !== undefined) return t('admin.moduleSettings.atMost', { max: f.max });
  return '';
}
