// Who may do what with city data. Devices and integrations write with a device-group API key;
// officials see private data and the command view; only admins manage groups, devices and rules.
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole } from '../../core/auth/actor.ts';

export interface CityDataSubject {
  /** The request carries a valid device-group API key. */
  apiKey: boolean;
}

export const citydataPolicy = definePolicy<'citydata.write' | 'citydata.viewPrivate' | 'citydata.command' | 'citydata.manage', CityDataSubject>({
  'citydata.write': (a, s) => !!s?.apiKey || hasRole(a, 'admin'),
  'citydata.viewPrivate': (a, s) => !!s?.apiKey || hasRole(a, 'admin') || hasRole(a, 'official'),
  'citydata.command': (a) => hasRole(a, 'admin') || hasRole(a, 'official'),
  'citydata.manage': (a) => hasRole(a, 'admin'),
});
