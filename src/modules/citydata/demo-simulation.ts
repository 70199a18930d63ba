// `DEZVOLT_SIMULATE=devices:rate npm start`: the demo city animates itself — the same simulation as
// `dezvolt simulate`, publishing to the app's own embedded broker, so the live map moves.
import type { AppContext } from '../../core/context.ts';
import { runSimulation, type SimulationRun } from './cli/simulate.ts';

export async function startDemoSimulation(ctx: AppContext, brokerPort: number | undefined): Promise<SimulationRun | undefined> {
  if (!ctx.config.simulate) return undefined;
  const m = /^(\d+):(\d+)$/.exec(ctx.config.simulate);
  if (!m || brokerPort === undefined || ctx.config.port === 0) {
    console.warn('[citydata] DEZVOLT_SIMULATE needs the form devices:rate (e.g. 500:100), the embedded broker and a fixed PORT; not simulating.');
    return undefined;
  }
  try {
    return await runSimulation({
      url: `http://127.0.0.1:${ctx.config.port}`,
      broker: `mqtt://127.0.0.1:${brokerPort}`,
      devices: Number(m[1]),
      rate: Number(m[2]),
      log: (line) => console.log(`[citydata] simulate: ${line}`),
    });
  } catch (err) {
    console.warn(`[citydata] not simulating: ${(err as Error).message}`);
    return undefined;
  }
}
