// One search box over the participation content: spaces, proposals, debates, and meetings and
// surveys when those modules are installed.
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { searchMessages } from './messages.ts';
import { searchSettingsMessages } from './messages-settings.ts';
import { registerSearchRoutes } from './routes.tsx';
import { DEFAULT_SEARCH_SETTINGS, SEARCH_SETTINGS_KEY } from './result-cache.ts';

export const searchModule = defineModule({
  name: 'search',
  title: 'search.title',
  migrations: [],
  messages: mergeMessages(searchMessages, searchSettingsMessages),
  settings: {
    key: SEARCH_SETTINGS_KEY,
    schema: { type: 'object', properties: { cacheSeconds: { type: 'integer', minimum: 0, maximum: 600 } } },
    defaults: { ...DEFAULT_SEARCH_SETTINGS },
  },
  routes(app, ctx) {
    registerSearchRoutes(app, ctx);
  },
  nav: [{ href: '/search', label: 'search.title', audience: 'public' }],
});
