// Finds the entity a message is about from its API key and device id. Both lookups are cached for a
// few seconds (negative answers too), so a storm from an unknown device costs no queries; a cached
// answer is available synchronously, so a message from a known device takes no asynchronous hop.
import type { Database } from '../../../core/db/database.ts';
import { sha256 } from '../../../core/auth/tokens.ts';

export interface Device {
  entityId: number;
  type: string;
}

const TTL_MS = 10_000;

interface Group {
  id: number | null;
  until: number;
  devices: Map<string, { device: Device | null; until: number }>;
}

export class DeviceDirectory {
  private groups = new Map<string, Group>();

  constructor(private readonly database: Database) {}

  /** The cached answer, without a query; undefined when either lookup is missing or expired. */
  cached(apiKey: string, deviceId: string, now = Date.now()): Device | 'unknown_key' | 'unknown_device' | undefined {
    const g = this.groups.get(apiKey);
    if (!g || g.until < now) return undefined;
    if (g.id === null) return 'unknown_key';
    const d = g.devices.get(deviceId);
    if (!d || d.until < now) return undefined;
    return d.device ?? 'unknown_device';
  }

  /** `unknown_key` / `unknown_device` when nothing matches. */
  async resolve(apiKey: string, deviceId: string): Promise<Device | 'unknown_key' | 'unknown_device'> {
    const now = Date.now();
    let g = this.groups.get(apiKey);
    if (!g || g.until < now) {
      const [row] = await this.database.query<{ id: number }>('select id from citydata_groups where api_key_hash = $1 and revoked_at is null', [sha256(apiKey)]);
      // A key that now names another group (or none) starts with no devices cached.
      const id = row?.id ?? null;
      g = { id, until: now + TTL_MS, devices: g && g.id === id ? g.devices : new Map() };
      this.groups.set(apiKey, g);
    }
    if (g.id === null) return 'unknown_key';
    let d = g.devices.get(deviceId);
    if (!d || d.until < now) {
      const [row] = await this.database.query<{ id: number; type: string }>('select id, type from citydata_entities where group_id = $1 and device_id = $2', [g.id, deviceId]);
      d = { device: row ? { entityId: row.id, type: row.type } : null, until: now + TTL_MS };
      g.devices.set(deviceId, d);
    }
    return d.device ?? 'unknown_device';
  }

  forget(): void {
    this.groups.clear();
  }
}
