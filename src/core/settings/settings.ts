// City-wide settings an admin edits (typed, with defaults) stored as JSON in the settings table.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { Locale } from '../config/config.ts';
import type { ReferenceCache } from '../cache/reference-cache.ts';

const SETTINGS_TABLES = ['settings'] as const;

export interface CitySettings {
  name: string;
  /** [lat, lng] the maps open on. */
  center: [number, number];
  zoom: number;
  defaultLocale: Locale;
  contactEmail: string;
  /** Short welcome text shown on the home page, per locale. */
  welcome: Partial<Record<Locale, string>>;
}

export const DEFAULT_CITY: CitySettings = {
  name: 'Dezvolt',
  center: [46.7712, 23.6236],
  zoom: 13,
  defaultLocale: 'ro',
  contactEmail: 'contact@localhost',
  welcome: {},
};

export class SettingsStore {
  constructor(
    private readonly database: Database,
    private readonly cache: ReferenceCache,
  ) {}

  async get<T>(key: string, defaults: T): Promise<T> {
    // Kept in memory until the settings table changes, in this process or another.
    const v = await this.cache.get(`settings:${key}`, SETTINGS_TABLES, async () => {
      const [row] = await this.database.query<{ value: unknown }>('select value from settings where key = $1', [key], { prepare: true });
      return row?.value ?? null;
    });
    if (v === null || v === undefined) return defaults;
    return typeof defaults === 'object' && defaults !== null && !Array.isArray(defaults) ? { ...defaults, ...(v as object) } : (v as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.database.query(
      `insert into settings (key, value, updated_at) values ($1, $2, now())
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }

  city(): Promise<CitySettings> {
    return this.get('city', DEFAULT_CITY);
  }

  /** The per-installation secret, created on first use. */
  async secret(): Promise<string> {
    const existing = await this.get<string | null>('secret', null);
    if (existing) return existing;
    const fresh = randomBytes(32).toString('base64url');
    await this.database.query(`insert into settings (key, value) values ('secret', $1) on conflict (key) do nothing`, [JSON.stringify(fresh)]);
    return (await this.get<string | null>('secret', null))!;
  }
}
