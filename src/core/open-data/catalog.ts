// The open-data catalog: every dataset the enabled modules declare (manifest `openData`), their
// files and licence, and the DCAT-AP shaped description machines read.
import type { AppContext } from '../context.ts';
import type { OpenDataExport, OpenDataFormat } from '../modules/manifest.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { Locale } from '../config/config.ts';

export interface Dataset {
  module: string;
  spec: OpenDataExport;
}

export const MEDIA_TYPES: Record<OpenDataFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  geojson: 'application/geo+json',
};

/** What a person sees next to a download link. */
export const FORMAT_LABELS: Record<OpenDataFormat, string> = { csv: 'CSV', json: 'JSON', geojson: 'GeoJSON' };

export function datasets(ctx: AppContext): Dataset[] {
  return ctx.modules.flatMap((m) => (m.openData ?? []).map((spec) => ({ module: m.name, spec })));
}

export function findDataset(ctx: AppContext, id: string): Dataset | undefined {
  return datasets(ctx).find((d) => d.spec.id === id);
}

export const downloadPath = (id: string, format: OpenDataFormat) => `/open-data/${id}.${format}`;

/** The licence is a city setting (`openData` in the settings table), Creative Commons BY 4.0 unless changed. */
export const DEFAULT_OPEN_DATA_SETTINGS = { license: 'CC-BY-4.0' };

export const KNOWN_LICENSES: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};

export async function openDataLicense(ctx: AppContext): Promise<{ id: string; url: string }> {
  const { license } = await ctx.settings.get('openData', DEFAULT_OPEN_DATA_SETTINGS);
  return { id: license, url: KNOWN_LICENSES[license] ?? `https://spdx.org/licenses/${encodeURIComponent(license)}.html` };
}

export interface DatasetView {
  id: string;
  module: string;
  title: string;
  description: string;
  modified: string | null;
  files: { format: OpenDataFormat; label: string; mediaType: string; href: string }[];
}

/** The catalog dates to the second, as DCAT readers and the page expect. */
async function catalogDate(ctx: AppContext, spec: OpenDataExport): Promise<string | null> {
  const v = spec.lastModified ? await spec.lastModified(ctx) : null;
  return v ? new Date(v.at).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** The datasets as the page and the JSON catalog show them, in the reader's language. */
export async function datasetViews(ctx: AppContext, t: Translate): Promise<DatasetView[]> {
  return Promise.all(
    datasets(ctx).map(async ({ module, spec }) => ({
      id: spec.id,
      module,
      title: t(spec.title),
      description: t(spec.description),
      modified: await catalogDate(ctx, spec),
      files: spec.formats.map((format) => ({ format, label: FORMAT_LABELS[format], mediaType: MEDIA_TYPES[format], href: downloadPath(spec.id, format) })),
    })),
  );
}

export async function dcatCatalog(ctx: AppContext, t: Translate, locale: Locale) {
  const base = ctx.config.baseUrl;
  const [city, license, views] = await Promise.all([ctx.settings.city(), openDataLicense(ctx), datasetViews(ctx, t)]);
  return {
    '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' },
    '@id': `${base}/api/v1/open-data`,
    '@type': 'dcat:Catalog',
    'dct:title': t('openData.catalogTitle', { city: city.name }),
    'dct:description': t('openData.intro'),
    'dct:language': locale,
    'dct:license': license.url,
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': city.name },
    'foaf:homepage': `${base}/open-data`,
    'dcat:dataset': views.map((d) => ({
      '@id': `${base}/open-data#${d.id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.id,
      'dct:title': d.title,
      'dct:description': d.description,
      'dct:license': license.url,
      ...(d.modified ? { 'dct:modified': d.modified } : {}),
      'dcat:landingPage': `${base}/open-data#${d.id}`,
      'dcat:distribution': d.files.map((f) => ({
        '@id': `${base}${f.href}`,
        '@type': 'dcat:Distribution',
        'dct:title': `${d.title} (${f.label})`,
        'dct:format': f.label,
        'dcat:mediaType': f.mediaType,
        'dcat:downloadURL': `${base}${f.href}`,
        'dcat:accessURL': `${base}${f.href}`,
        'dct:license': license.url,
      })),
    })),
  };
}

const str = { type: 'string' } as const;

export const dcatCatalogSchema = {
  type: 'object',
  required: ['@type', 'dcat:dataset'],
  properties: {
    '@context': { type: 'object', properties: { dcat: str, dct: str, foaf: str } },
    '@id': str,
    '@type': { type: 'string', enum: ['dcat:Catalog'] },
    'dct:title': str,
    'dct:description': str,
    'dct:language': str,
    'dct:license': str,
    'dct:publisher': { type: 'object', properties: { '@type': str, 'foaf:name': str } },
    'foaf:homepage': str,
    'dcat:dataset': {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          '@id': str,
          '@type': { type: 'string', enum: ['dcat:Dataset'] },
          'dct:identifier': str,
          'dct:title': str,
          'dct:description': str,
          'dct:license': str,
          'dct:modified': { type: 'string', format: 'date-time' },
          'dcat:landingPage': str,
          'dcat:distribution': {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                '@id': str,
                '@type': { type: 'string', enum: ['dcat:Distribution'] },
                'dct:title': str,
                'dct:format': str,
                'dcat:mediaType': str,
                'dcat:downloadURL': { type: 'string', format: 'uri' },
                'dcat:accessURL': { type: 'string', format: 'uri' },
                'dct:license': str,
              },
            },
          },
        },
      },
    },
  },
} as const;
