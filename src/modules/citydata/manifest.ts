// City data: devices (FIWARE Smart Data Models), MQTT and NGSI-LD ingestion, time series, rules that
// open work orders and alerts, live map and downloads.
import { defineModule } from '../../core/modules/manifest.ts';
import { citydataMigrations } from './migrations.ts';
import { citydataMessages } from './messages.ts';
import { citydataPolicy } from './policy.ts';
import { registerNgsiLd } from './ngsi/register.ts';
import { startIngestion } from './ingest/service.ts';
import { seedCitydataDemo } from './seed.ts';
import { startDemoSimulation } from './demo-simulation.ts';
import { registerPublicRoutes } from './routes/public.tsx';
import { registerDownloadRoutes } from './routes/downloads.ts';
import { registerStreamRoutes } from './routes/stream.ts';
import { registerAdminRoutes } from './routes/admin.tsx';
import { bookMaintenance, runMaintenance } from './maintenance.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { citydataOpenData, citydataOpenDataMessages } from './open-data.ts';

export const citydataModule = defineModule({
  name: 'citydata',
  title: 'citydata.title',
  migrations: citydataMigrations,
  messages: mergeMessages(citydataMessages, citydataOpenDataMessages),
  actions: Object.fromEntries(citydataPolicy.actions.map((a) => [a, a])),
  routes(app, ctx) {
    registerNgsiLd(app, ctx);
    registerPublicRoutes(app, ctx);
    registerDownloadRoutes(app, ctx);
    registerStreamRoutes(app, ctx);
    registerAdminRoutes(app, ctx);
    app.addHook('onReady', async () => {
      await bookMaintenance(ctx, 60_000);
    });
  },
  jobs: {
    async maintenance(ctx) {
      try {
        await runMaintenance(ctx);
      } finally {
        await bookMaintenance(ctx);
      }
    },
  },
  nav: [
    { href: '/citydata', label: 'citydata.title', audience: 'public' },
    { href: '/admin/citydata', label: 'citydata.admin.title', audience: 'admin' },
  ],
  seeds: { demo: seedCitydataDemo },
  openData: [citydataOpenData],
  async start(ctx) {
    const ingestion = await startIngestion(ctx, { port: ctx.config.mqttPort, url: ctx.config.mqttUrl, host: ctx.config.host });
    if (ingestion.port !== undefined) console.log(`[citydata] MQTT broker listening on port ${ingestion.port}`);
    const simulation = await startDemoSimulation(ctx, ingestion.port);
    return async () => {
      await simulation?.stop();
      await ingestion.stop();
    };
  },
});
