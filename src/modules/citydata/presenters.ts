// Entities as GeoJSON features (NGSI-LD's application/geo+json representation and the downloads).
import { locationOf, renderEntity, type RenderOptions, type StoredEntity } from './ngsi/entity-format.ts';

export function entityFeature(e: StoredEntity, opts: RenderOptions): Record<string, unknown> {
  const properties = renderEntity(e, { ...opts, withContext: undefined });
  delete properties.id;
  delete properties.location;
  return { type: 'Feature', id: e.urn, geometry: locationOf(e.attrs), properties };
}
