// Realistic readings for the demo city: parking turnover by time of day, containers filling and
// being emptied, air quality with rush-hour peaks, street lights by dusk and dawn, traffic waves,
// and vehicles (snow ploughs, rubbish trucks) driving between the city's streets.
import { DEMO_PLACES, type DemoDevice } from './demo-city.ts';

export interface Message {
  topic: string;
  payload: string;
}

interface State {
  device: DemoDevice;
  key: string;
  value: number;
  leg: number;
  progress: number;
}

function hourOfDay(now: Date): number {
  return (now.getUTCHours() + 2 + now.getUTCMinutes() / 60) % 24; // Cluj is UTC+2 (UTC+3 in summer): close enough for a demo
}

/** 0 at night, 1 at the busiest hours (8–9 and 17–18). */
function busy(h: number): number {
  return Math.max(0, Math.exp(-((h - 8.5) ** 2) / 4) + Math.exp(-((h - 17.5) ** 2) / 5) * 0.9 + (h > 7 && h < 20 ? 0.3 : 0));
}

export class Simulation {
  private readonly states: State[];
  private next = 0;

  constructor(devices: DemoDevice[], keyOf: (type: string) => string, private readonly random: () => number = Math.random) {
    this.states = devices.map((device, i) => ({
      device,
      key: keyOf(device.type),
      value: typeof device.keyValues.fillingLevel === 'number' ? device.keyValues.fillingLevel : this.random(),
      leg: i % DEMO_PLACES.length,
      progress: this.random(),
    }));
  }

  get size(): number {
    return this.states.length;
  }

  /** The next device's reading (round robin over every device). */
  step(now = new Date()): Message {
    const s = this.states[this.next]!;
    this.next = (this.next + 1) % this.states.length;
    const d = s.device;
    const json = (body: Record<string, unknown>) => ({ topic: `dezvolt/${s.key}/${d.deviceId}/attrs`, payload: JSON.stringify(body) });
    const h = hourOfDay(now);
    const r = this.random;
    switch (d.type) {
      case 'ParkingSpot': {
        // UltraLight, as cheap parking sensors usually speak it.
        const occupied = r() < 0.25 + 0.6 * Math.min(1, busy(h));
        return { topic: `/ul/${s.key}/${d.deviceId}/attrs`, payload: `s|${occupied ? 'occupied' : 'free'}` };
      }
      case 'OffStreetParking':
        return json({ availableSpotNumber: Math.max(0, Math.round(120 * (1 - 0.85 * Math.min(1, busy(h))) + (r() - 0.5) * 10)) });
      case 'WasteContainer': {
        s.value += 0.005 + r() * 0.02;
        // The truck comes for full containers, not always at once.
        if (s.value >= 0.95 && r() < 0.3) s.value = 0.02 + r() * 0.05;
        s.value = Math.min(1, s.value);
        return json({ fillingLevel: Math.round(s.value * 1000) / 1000, temperature: Math.round((12 + r() * 8) * 10) / 10 });
      }
      case 'AirQualityObserved': {
        const pm10 = 15 + 30 * Math.min(1.2, busy(h)) + (r() - 0.3) * 20;
        return json({ pm10: Math.round(Math.max(3, pm10) * 10) / 10, pm25: Math.round(Math.max(2, pm10 * 0.6) * 10) / 10, no2: Math.round(20 + 40 * busy(h)), o3: Math.round(30 + 30 * r()) });
      }
      case 'Streetlight': {
        const on = h < 7 || h >= 18.5;
        return json({ powerState: on ? 'on' : 'off', illuminanceLevel: on ? Math.round((0.6 + r() * 0.4) * 100) / 100 : 0 });
      }
      case 'TrafficFlowObserved': {
        const intensity = Math.round(80 + 900 * Math.min(1.2, busy(h)) * (0.8 + r() * 0.4));
        return json({ intensity, averageVehicleSpeed: Math.round(Math.max(8, 50 - intensity / 30)) });
      }
      default: {
        // Drive from one demo place to the next, a little further each reading.
        s.progress += 0.08 + r() * 0.05;
        if (s.progress >= 1) {
          s.progress -= 1;
          s.leg = (s.leg + 1) % DEMO_PLACES.length;
        }
        const a = DEMO_PLACES[s.leg]!;
        const b = DEMO_PLACES[(s.leg + 1) % DEMO_PLACES.length]!;
        const lng = a.lng + (b.lng - a.lng) * s.progress;
        const lat = a.lat + (b.lat - a.lat) * s.progress;
        return json({ location: { type: 'Point', coordinates: [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] }, speed: Math.round(15 + r() * 25) });
      }
    }
  }
}
