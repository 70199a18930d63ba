// Drizzle's built-in geometry type drops the SRID; this customType keeps `geometry(<Type>,4326)`
// and moves points as [lng, lat] pairs through EWKT so both PGlite and PostgreSQL parse them.
import { customType } from 'drizzle-orm/pg-core';

export interface LngLat {
  lng: number;
  lat: number;
}

export const point = customType<{ data: LngLat; driverData: string }>({
  dataType() {
    return 'geometry(Point,4326)';
  },
  toDriver(v: LngLat): string {
    return `SRID=4326;POINT(${v.lng} ${v.lat})`;
  },
  fromDriver(v: string): LngLat {
    return parseHexEwkbPoint(v);
  },
});

/** Polygons and multipolygons are written as GeoJSON through SQL (ST_GeomFromGeoJSON) and read back the same way. */
export const multiPolygon = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(MultiPolygon,4326)';
  },
});

/** Parses the hex EWKB PostGIS returns for a 2D point (with or without SRID). */
export function parseHexEwkbPoint(hex: string): LngLat {
  const buf = Buffer.from(hex, 'hex');
  const le = buf[0] === 1;
  const type = le ? buf.readUInt32LE(1) : buf.readUInt32BE(1);
  const hasSrid = (type & 0x20000000) !== 0;
  if ((type & 0xff) !== 1) throw new Error('not a point geometry');
  const off = hasSrid ? 9 : 5;
  const lng = le ? buf.readDoubleLE(off) : buf.readDoubleBE(off);
  const lat = le ? buf.readDoubleLE(off + 8) : buf.readDoubleBE(off + 8);
  return { lng, lat };
}
