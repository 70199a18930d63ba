// Where the demo city's devices are: real Cluj-Napoca streets and squares, and the demo devices
// (and the simulator's extra ones) laid out around them.
import { ENTITY_TYPES } from './model.ts';

export const DEMO_PLACES: { name: string; lng: number; lat: number }[] = [
  { name: 'Piața Unirii', lng: 23.5895, lat: 46.7697 },
  { name: 'Piața Mihai Viteazul', lng: 23.5946, lat: 46.7727 },
  { name: 'Piața Avram Iancu', lng: 23.5967, lat: 46.7686 },
  { name: 'Str. Memorandumului', lng: 23.5836, lat: 46.7693 },
  { name: 'Bd. 21 Decembrie 1989', lng: 23.6011, lat: 46.7712 },
  { name: 'Str. Horea', lng: 23.5858, lat: 46.7756 },
  { name: 'Calea Dorobanților', lng: 23.6066, lat: 46.7763 },
  { name: 'Str. Observatorului', lng: 23.6018, lat: 46.7558 },
  { name: 'Piața Cipariu', lng: 23.6033, lat: 46.7698 },
  { name: 'Bd. Nicolae Titulescu', lng: 23.6148, lat: 46.7657 },
  { name: 'Str. Bucegi', lng: 23.5532, lat: 46.7561 },
  { name: 'Calea Florești', lng: 23.5433, lat: 46.7528 },
  { name: 'Str. Fabricii', lng: 23.6225, lat: 46.7741 },
  { name: 'Parcul Central', lng: 23.5793, lat: 46.7691 },
  { name: 'Str. Teodor Mihali', lng: 23.6332, lat: 46.7747 },
  { name: 'Bd. Muncii', lng: 23.6444, lat: 46.7796 },
];

/** The demo city's published device-group keys (only the demo seed creates groups with them). */
export function demoKey(type: string): string {
  return `demo-${type.toLowerCase()}-cluj`;
}

export interface DemoDevice {
  urn: string;
  deviceId: string;
  type: string;
  keyValues: Record<string, unknown>;
}

const PREFIX: Record<string, string> = {
  ParkingSpot: 'p', OffStreetParking: 'op', WasteContainer: 'w', AirQualityObserved: 'aq', Streetlight: 'sl', TrafficFlowObserved: 'tf', Vehicle: 'v',
};

function initial(type: string, n: number, name: string): Record<string, unknown> {
  switch (type) {
    case 'ParkingSpot':
      return { name: `Loc ${n + 1}, ${name}`, status: n % 3 ? 'free' : 'occupied', category: ['onStreet'] };
    case 'OffStreetParking':
      return { name: `Parcare ${name}`, availableSpotNumber: 40 + (n % 5) * 10, totalSpotNumber: 120 };
    case 'WasteContainer':
      return { name: `Container ${name} ${n + 1}`, fillingLevel: ((n * 37) % 70) / 100, status: 'ok' };
    case 'AirQualityObserved':
      return { name: `Stația de aer ${name}`, pm10: 20, pm25: 12, no2: 25, o3: 40 };
    case 'Streetlight':
      return { name: `Stâlp ${name} ${n + 1}`, powerState: 'on', illuminanceLevel: 0.8, status: 'ok' };
    case 'TrafficFlowObserved':
      return { name: `Trafic ${name}`, intensity: 300, averageVehicleSpeed: 32 };
    default:
      return { name: n % 2 ? `Plug de zăpadă ${n + 1}` : `Autogunoieră ${n + 1}`, vehicleType: n % 2 ? 'snowPlough' : 'lorry', speed: 0 };
  }
}

/** `perType` devices of every type, spread over the demo places. */
export function demoDevices(perType: number, series = 'demo'): DemoDevice[] {
  const out: DemoDevice[] = [];
  for (const type of ENTITY_TYPES) {
    for (let n = 0; n < perType; n++) {
      const place = DEMO_PLACES[n % DEMO_PLACES.length]!;
      const ring = Math.floor(n / DEMO_PLACES.length);
      const angle = (n * 137.5 * Math.PI) / 180;
      const r = 0.0006 * (1 + ring) + (ENTITY_TYPES.indexOf(type) * 0.00012);
      const deviceId = `${series}-${PREFIX[type]}-${n}`;
      out.push({
        urn: `urn:ngsi-ld:${type}:cluj:${deviceId}`,
        deviceId,
        type,
        keyValues: { ...initial(type, n, place.name), location: { type: 'Point', coordinates: [round(place.lng + r * Math.cos(angle)), round(place.lat + r * 0.7 * Math.sin(angle))] } },
      });
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
