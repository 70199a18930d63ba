import { defineMessages } from '../../core/i18n/catalog.ts';

// The reports fieldset of /admin/settings/modules (the `settings` the manifest declares).
export const reportsSettingsMessages = defineMessages({
  ro: {
    'reports.settings.title': 'Sesizări: trimiterea către departamente',
    'reports.settings.senders': 'Cum sunt trimise sesizările noi',
    'reports.settings.senders.hint': 'Nicio bifă: sesizările rămân doar în platformă.',
    'reports.settings.senders.email': 'Prin e-mail, departamentului responsabil',
    'reports.settings.senders.open311': 'Către un sistem Open311 extern',
    'reports.settings.open311Endpoint': 'Adresa sistemului Open311',
    'reports.settings.open311Endpoint.hint': 'Adresa de bază GeoReport v2, de exemplu https://open311.exemplu.ro/v2/. Folosită doar când trimiterea către Open311 este bifată.',
    'reports.settings.open311ApiKey': 'Cheia API Open311',
    'reports.settings.open311ApiKey.hint': 'Cheia primită de la sistemul Open311.',
    'reports.settings.open311TimeoutMs': 'Cât se așteaptă răspunsul sistemului Open311 (milisecunde)',
    'reports.settings.open311TimeoutMs.hint': 'După acest timp trimiterea este reluată mai târziu.',
  },
  en: {
    'reports.settings.title': 'Reports: sending to departments',
    'reports.settings.senders': 'How new reports are sent',
    'reports.settings.senders.hint': 'None ticked: reports stay on the platform only.',
    'reports.settings.senders.email': 'By email, to the responsible department',
    'reports.settings.senders.open311': 'To an external Open311 system',
    'reports.settings.open311Endpoint': 'Address of the Open311 system',
    'reports.settings.open311Endpoint.hint': 'The GeoReport v2 base address, for example https://open311.example.org/v2/. Used only when sending to Open311 is ticked.',
    'reports.settings.open311ApiKey': 'Open311 API key',
    'reports.settings.open311ApiKey.hint': 'The key the Open311 system gave you.',
    'reports.settings.open311TimeoutMs': 'How long to wait for the Open311 system (milliseconds)',
    'reports.settings.open311TimeoutMs.hint': 'After this long, sending is tried again later.',
  },
  hu: {
    'reports.settings.title': 'Bejelentések: továbbítás a részlegeknek',
    'reports.settings.senders': 'Hogyan továbbítódnak az új bejelentések',
    'reports.settings.senders.hint': 'Ha semmi sincs bejelölve, a bejelentések csak a platformon maradnak.',
    'reports.settings.senders.email': 'E-mailben, a felelős részlegnek',
    'reports.settings.senders.open311': 'Külső Open311 rendszernek',
    'reports.settings.open311Endpoint': 'Az Open311 rendszer címe',
    'reports.settings.open311Endpoint.hint': 'A GeoReport v2 alapcím, például https://open311.pelda.hu/v2/. Csak akkor használjuk, ha az Open311 továbbítás be van jelölve.',
    'reports.settings.open311ApiKey': 'Open311 API-kulcs',
    'reports.settings.open311ApiKey.hint': 'Az Open311 rendszertől kapott kulcs.',
    'reports.settings.open311TimeoutMs': 'Meddig várunk az Open311 rendszer válaszára (ezredmásodperc)',
    'reports.settings.open311TimeoutMs.hint': 'Ennyi idő után a továbbítást később újra megpróbáljuk.',
  },
});
