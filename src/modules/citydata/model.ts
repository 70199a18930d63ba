// The FIWARE Smart Data Models types the city registers, with the attribute names, units (UN/CEFACT
// codes, as the models use them) and UltraLight short codes their devices send.
export interface AttributeSpec {
  /** UN/CEFACT unit code, e.g. GQ = µg/m³, C62 = dimensionless ratio. */
  unitCode?: string;
  /** UltraLight 2.0 short name a device may send instead of the attribute name. */
  ul?: string;
}

export interface TypeSpec {
  /** Attribute shown on the map and coloured by value. */
  primary: string;
  attributes: Record<string, AttributeSpec>;
}

export const SMART_DATA_TYPES: Record<string, TypeSpec> = {
  ParkingSpot: { primary: 'status', attributes: { status: { ul: 's' } } },
  OffStreetParking: { primary: 'availableSpotNumber', attributes: { availableSpotNumber: { ul: 'a' }, totalSpotNumber: {}, occupancy: { unitCode: 'C62' } } },
  WasteContainer: { primary: 'fillingLevel', attributes: { fillingLevel: { unitCode: 'C62', ul: 'f' }, status: { ul: 's' }, temperature: { unitCode: 'CEL', ul: 't' } } },
  AirQualityObserved: {
    primary: 'pm10',
    attributes: {
      pm10: { unitCode: 'GQ', ul: 'pm10' },
      pm25: { unitCode: 'GQ', ul: 'pm25' },
      no2: { unitCode: 'GQ', ul: 'no2' },
      o3: { unitCode: 'GQ', ul: 'o3' },
      so2: { unitCode: 'GQ' },
      co: { unitCode: 'GQ' },
      temperature: { unitCode: 'CEL', ul: 't' },
      relativeHumidity: { unitCode: 'C62', ul: 'h' },
    },
  },
  Streetlight: { primary: 'powerState', attributes: { powerState: { ul: 'p' }, illuminanceLevel: { unitCode: 'C62', ul: 'l' }, status: { ul: 's' } } },
  TrafficFlowObserved: { primary: 'intensity', attributes: { intensity: { ul: 'i' }, averageVehicleSpeed: { unitCode: 'KMH', ul: 'v' }, occupancy: { unitCode: 'C62' } } },
  Vehicle: { primary: 'speed', attributes: { speed: { unitCode: 'KMH', ul: 'v' }, location: { ul: 'loc' }, vehicleType: {} } },
};

export const ENTITY_TYPES = Object.keys(SMART_DATA_TYPES);

export function unitFor(type: string, attr: string): string | undefined {
  return SMART_DATA_TYPES[type]?.attributes[attr]?.unitCode;
}

/** The attribute name an UltraLight short code stands for on devices of `type`. */
export function attributeForUl(type: string, code: string): string {
  const attrs = SMART_DATA_TYPES[type]?.attributes ?? {};
  for (const [name, spec] of Object.entries(attrs)) if (spec.ul === code) return name;
  return code;
}
