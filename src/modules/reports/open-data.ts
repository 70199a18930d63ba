// Reports as open data: every public report (never unconfirmed or hidden ones, only the masked
// public text, never contact data or the typed address), read in pages by id so a million reports
// stream instead of filling memory.
import type { AppContext } from '../../core/context.ts';
import type { Locale } from '../../core/config/config.ts';
import type { OpenDataExport } from '../../core/modules/manifest.ts';
import { defineMessages } from '../../core/i18n/catalog.ts';
import { csvChunks, featureCollectionChunks, jsonArrayChunks, keysetPages, mapPages } from '../../core/open-data/encode.ts';
import { slottedVersion } from '../../core/open-data/data-version.ts';
import { iso, whereFor } from './queries.ts';
import type { Status } from './workflow.ts';

const PAGE = 5000;

interface OpenReport {
  id: number;
  status: Status;
  categoryCode: string;
  category: string;
  district: string | null;
  createdAt: string;
  updatedAt: string;
  lat: number;
  lng: number;
  text: string;
}

function reportPages(ctx: AppContext, locale: Locale): AsyncGenerator<OpenReport[]> {
  const name = { ro: 'c.name_ro', en: 'c.name_en', hu: 'c.name_hu' }[locale];
  return keysetPages<OpenReport>(PAGE, (last) => {
    const params: unknown[] = [];
    const where = whereFor({}, params);
    return ctx.database.query<OpenReport>(
      `select r.id::int as id, r.status, c.code as "categoryCode", ${name} as category, a.name as district,
              ${iso('r.created_at')} as "createdAt", ${iso('r.updated_at')} as "updatedAt",
              ST_Y(r.location) as lat, ST_X(r.location) as lng, r.description_public as text
       from reports r join categories c on c.id = r.category_id left join areas a on a.id = r.district_id
       where ${where} and r.id > $${params.push(last?.id ?? 0)} order by r.id limit ${PAGE}`,
      params,
    );
  });
}

const HEADER = ['id', 'status', 'category_code', 'category', 'district', 'created_at', 'updated_at', 'latitude', 'longitude', 'description', 'url'];

export const reportsOpenData: OpenDataExport = {
  id: 'reports',
  title: 'reports.openData.title',
  description: 'reports.openData.description',
  formats: ['csv', 'geojson', 'json'],
  // Bumped by triggers on reports, categories and districts (migration 009): 16 rows to read.
  lastModified: (ctx) => slottedVersion(ctx, 'reports_open_data_version'),
  async produce(ctx, format, { locale }) {
    const base = ctx.config.baseUrl;
    const pages = reportPages(ctx, locale);
    const props = (r: OpenReport) => ({
      id: r.id, status: r.status, categoryCode: r.categoryCode, category: r.category, district: r.district,
      createdAt: r.createdAt, updatedAt: r.updatedAt, description: r.text, url: `${base}/reports/${r.id}`,
    });
    if (format === 'csv') {
      return csvChunks(HEADER, mapPages(pages, (r) => [r.id, r.status, r.categoryCode, r.category, r.district, r.createdAt, r.updatedAt, r.lat, r.lng, r.text, `${base}/reports/${r.id}`]));
    }
    if (format === 'geojson') {
      return featureCollectionChunks(mapPages(pages, (r) => ({ type: 'Feature', id: r.id, geometry: { type: 'Point', coordinates: [r.lng, r.lat] }, properties: props(r) })));
    }
    return jsonArrayChunks(mapPages(pages, (r) => ({ ...props(r), location: { lat: r.lat, lng: r.lng } })));
  },
};

export const reportsOpenDataMessages = defineMessages({
  ro: {
    'reports.openData.title': 'Sesizări publice',
    'reports.openData.description': 'Fiecare sesizare publică: categorie, stare, cartier, date, coordonate și textul public (datele personale sunt mascate). Sesizările neconfirmate sau ascunse nu apar.',
  },
  en: {
    'reports.openData.title': 'Public reports',
    'reports.openData.description': 'Every public report: category, status, district, dates, coordinates and the public text (personal data masked). Unconfirmed or hidden reports are left out.',
  },
  hu: {
    'reports.openData.title': 'Nyilvános bejelentések',
    'reports.openData.description': 'Minden nyilvános bejelentés: kategória, állapot, kerület, dátumok, koordináták és a nyilvános szöveg (személyes adatok kitakarva). A meg nem erősített vagy elrejtett bejelentések nem szerepelnek.',
  },
});
