// Open311 GeoReport v2 (with mySociety's servicerequestupdates) under /open311/, and the
// administrators' API-key page. The API lives in its own Fastify scope so its errors and 404s
// are the spec's error lists, never the site's HTML pages.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { installErrorHandlers } from './api-scope.ts';
import { registerReadRoutes } from './read-routes.ts';
import { registerPostRoute } from './post-route.ts';
import { registerOpen311AdminRoutes } from './admin-routes.tsx';

export function registerOpen311(app: FastifyInstance, ctx: AppContext): void {
  // Loaded with the other plugins when the app starts; routes() itself stays synchronous.
  void app.register(
    async (scope) => {
      installErrorHandlers(scope);
      registerReadRoutes(scope, ctx);
      registerPostRoute(scope, ctx);
    },
    { prefix: '/open311' },
  );
  registerOpen311AdminRoutes(app, ctx);
}
