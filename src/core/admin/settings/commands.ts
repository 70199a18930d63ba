// Saving the city settings. The settings row and its audit row share one transaction.
import type { AppContext } from '../../context.ts';
import type { Locale } from '../../config/config.ts';
import { DEFAULT_CITY, type CitySettings } from '../../settings/settings.ts';
import { recordAudit } from '../audit/record.ts';

export interface CitySettingsInput {
  name: string;
  defaultLocale: Locale;
  contactEmail: string;
  welcomeRo: string;
  welcomeEn: string;
  welcomeHu: string;
  centerLat: number;
  centerLng: number;
  zoom: number;
}

export function toCitySettings(input: CitySettingsInput): CitySettings {
  const welcome: CitySettings['welcome'] = {};
  // An empty welcome falls back to the platform's default text for that language.
  for (const [locale, text] of [['ro', input.welcomeRo], ['en', input.welcomeEn], ['hu', input.welcomeHu]] as const) {
    if (text.trim()) welcome[locale] = text.trim();
  }
  return {
    name: input.name.trim(),
    defaultLocale: input.defaultLocale,
    contactEmail: input.contactEmail.trim().toLowerCase(),
    welcome,
    center: [input.centerLat, input.centerLng],
    zoom: input.zoom,
  };
}

export async function saveCitySettings(ctx: AppContext, actorId: string, input: CitySettingsInput): Promise<{ kind: 'saved'; city: CitySettings }> {
  const city = toCitySettings(input);
  await ctx.database.transaction(async (tx) => {
    const [row] = await tx.query<{ value: Partial<CitySettings> }>(`select value from settings where key = 'city' for update`);
    await tx.query(
      `insert into settings (key, value, updated_at) values ('city', $1, now())
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [JSON.stringify(city)],
    );
    await recordAudit(tx, { actorId, action: 'settings.city.update', subjectType: 'settings', subjectId: 'city', details: { before: { ...DEFAULT_CITY, ...row?.value }, after: city } });
  });
  // The committed write reaches every process's settings cache (core/cache/reference-cache.ts).
  return { kind: 'saved', city };
}
