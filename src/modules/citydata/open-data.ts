// City data as open data: every public device with its type, location and latest primary value
// (private devices, e.g. a department's internal sensors, never appear).
import type { AppContext } from '../../core/context.ts';
import type { OpenDataExport } from '../../core/modules/manifest.ts';
import { defineMessages } from '../../core/i18n/catalog.ts';
import { featureCollectionChunks, jsonArrayChunks, onePage } from '../../core/open-data/encode.ts';
import { latestItems, type LiveItem } from './queries.ts';

/** Same ceiling as the /citydata/latest downloads. */
const LIMIT = 100000;

const present = (d: LiveItem) => ({ id: d.urn, type: d.type, name: d.name, value: d.value, unit: d.unit, updatedAt: d.updatedAt });

export const citydataOpenData: OpenDataExport = {
  id: 'citydata-devices',
  title: 'citydata.openData.title',
  description: 'citydata.openData.description',
  formats: ['geojson', 'json'],
  // A sequential read of the devices table (it has no modified_at index on purpose: see the
  // migration), small next to the file it saves sending. The count catches a device made private
  // or deleted, which leaves the newest change where it was.
  async lastModified(ctx: AppContext) {
    const [r] = await ctx.database.query<{ at: string | null; n: number }>(
      `select to_char(max(modified_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, count(*)::int as n from citydata_entities where public`,
    );
    return r?.at ? { at: r.at, tag: String(r.n) } : null;
  },
  async produce(ctx, format) {
    const { items } = await latestItems(ctx, { publicOnly: true, limit: LIMIT });
    if (format === 'geojson') {
      return featureCollectionChunks(
        onePage(items.map((d) => ({ type: 'Feature', id: d.urn, geometry: d.lng === null || d.lat === null ? null : { type: 'Point', coordinates: [d.lng, d.lat] }, properties: present(d) }))),
      );
    }
    return jsonArrayChunks(onePage(items.map((d) => ({ ...present(d), location: d.lat === null || d.lng === null ? null : { lat: d.lat, lng: d.lng } }))));
  },
};

export const citydataOpenDataMessages = defineMessages({
  ro: {
    'citydata.openData.title': 'Senzori și dispozitive urbane',
    'citydata.openData.description': 'Fiecare dispozitiv public: tip, amplasare și ultima valoare măsurată, cu unitatea și momentul actualizării.',
  },
  en: {
    'citydata.openData.title': 'Urban sensors and devices',
    'citydata.openData.description': 'Every public device: type, location and the latest measured value, with its unit and when it was updated.',
  },
  hu: {
    'citydata.openData.title': 'Városi érzékelők és eszközök',
    'citydata.openData.description': 'Minden nyilvános eszköz: típus, helyszín és a legutóbbi mért érték, mértékegységgel és a frissítés idejével.',
  },
});
