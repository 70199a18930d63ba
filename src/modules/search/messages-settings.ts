import { defineMessages } from '../../core/i18n/catalog.ts';

// The search fieldset of /admin/settings/modules (result-cache.ts reads the value).
export const searchSettingsMessages = defineMessages({
  ro: {
    'search.settings.title': 'Căutare',
    'search.settings.cacheSeconds': 'Câte secunde sunt refolosite rezultatele unei căutări repetate (0 = fără)',
    'search.settings.cacheSeconds.hint': 'Un rezultat ascuns sau retras dispare imediat; doar o potrivire nouă apare după acest timp.',
  },
  en: {
    'search.settings.title': 'Search',
    'search.settings.cacheSeconds': 'For how many seconds the results of a repeated search are reused (0 = never)',
    'search.settings.cacheSeconds.hint': 'A hidden or withdrawn result disappears at once; only a new match waits this long to appear.',
  },
  hu: {
    'search.settings.title': 'Keresés',
    'search.settings.cacheSeconds': 'Hány másodpercig használjuk újra egy ismételt keresés eredményeit (0 = soha)',
    'search.settings.cacheSeconds.hint': 'Az elrejtett vagy visszavont találat azonnal eltűnik; csak egy új találat jelenik meg ennyi idő után.',
  },
});
