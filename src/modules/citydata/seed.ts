// Demo data for "Cluj-Napoca (demo)": one device group per Smart Data Models type with a published
// demo key (revoke them on a real installation), devices across the city, the two rules the issue
// names (full containers → work order for Salubritate, PM10 over the limit → public alert) and
// three hours of history so the charts have something to draw.
import type { AppContext } from '../../core/context.ts';
import { sha256 } from '../../core/auth/tokens.ts';
import { createRule } from './commands/rules.ts';
import { createEntity } from './store/entities.ts';
import { fromKeyValues, type Attributes } from './ngsi/entity-format.ts';
import { ENTITY_TYPES } from './model.ts';
import { applyObservations } from './ingest/apply.ts';
import { DEMO_PLACES, demoKey, demoDevices } from './demo-city.ts';

const GROUP_DEPARTMENTS: Record<string, string | null> = {
  WasteContainer: 'salubritate',
  Streetlight: 'iluminat-public',
  Vehicle: 'salubritate',
  ParkingSpot: 'politia-locala',
  OffStreetParking: 'politia-locala',
  TrafficFlowObserved: 'transport-public',
  AirQualityObserved: null,
};

export async function seedCitydataDemo(ctx: AppContext): Promise<void> {
  const groups = new Map<string, number>();
  for (const type of ENTITY_TYPES) {
    const [row] = await ctx.database.query<{ id: number }>(
      `insert into citydata_groups (name, entity_type, api_key_hash, key_hint, department_id, public, stale_after_minutes)
       values ($1, $2, $3, $4, (select id from departments where slug = $5), true, 120) returning id`,
      [`Demo ${type}`, type, sha256(demoKey(type)), demoKey(type).slice(-4), GROUP_DEPARTMENTS[type] ?? null],
    );
    groups.set(type, row!.id);
  }
  for (const d of demoDevices(DEMO_PLACES.length)) {
    await ctx.database.transaction((tx) =>
      createEntity(ctx, tx, { id: d.urn, type: d.type, attrs: fromKeyValues(d.keyValues, d.type) as Attributes }, { groupId: groups.get(d.type)!, departmentId: null, public: true }),
    );
  }
  await createRule(ctx.database, { name: 'Container plin (≥ 80 %)', entityType: 'WasteContainer', attr: 'fillingLevel', direction: 'above', threshold: 0.8, reset: 0.2, action: 'work_order', categoryCode: 'waste.uncollected' });
  await createRule(ctx.database, { name: 'PM10 peste limita zilnică (50 µg/m³)', entityType: 'AirQualityObserved', attr: 'pm10', direction: 'above', threshold: 50, reset: 40, action: 'public_alert', categoryCode: null });
  await createRule(ctx.database, { name: 'Parcare aproape plină', entityType: 'OffStreetParking', attr: 'availableSpotNumber', direction: 'below', threshold: 5, reset: 15, action: 'alert', categoryCode: null });
  // Three hours of air-quality history, every ten minutes, for the charts.
  const air = await ctx.database.query<{ id: number }>(`select id from citydata_entities where type = 'AirQualityObserved' order by id`);
  const now = Date.now();
  await ctx.database.transaction(async (tx) => {
    const obs = [];
    for (const [i, a] of air.entries()) {
      for (let m = 180; m > 0; m -= 10) {
        const observedAt = new Date(now - m * 60_000).toISOString();
        const pm10 = 14 + (i % 5) * 3 + 8 * Math.sin((m / 90) * Math.PI);
        obs.push({ entityId: a.id, type: 'AirQualityObserved', attrs: fromKeyValues({ pm10: Math.round(pm10 * 10) / 10, pm25: Math.round(pm10 * 6) / 10 }, 'AirQualityObserved', observedAt) as Attributes });
      }
    }
    await applyObservations(ctx, tx, obs, { mergeState: true });
  });
}
