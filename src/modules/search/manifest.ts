// One search box over the participation content: spaces, proposals, debates, and meetings and
// surveys when those modules are installed.
import { defineModule } from '../../core/modules/manifest.ts';
import { searchMessages } from './messages.ts';
import { registerSearchRoutes } from './routes.tsx';

export const searchModule = defineModule({
  name: 'search',
  title: 'search.title',
  migrations: [],
  messages: searchMessages,
  routes(app, ctx) {
    registerSearchRoutes(app, ctx);
  },
  nav: [{ href: '/search', label: 'search.title', audience: 'public' }],
});
