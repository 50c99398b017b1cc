// The login-flood figure: wrong logins kept 100 at a time while trainees answer at the realistic pace.
import { Agent, request } from 'undici';
import type { LoadedScenario } from '../../src/server/scenarios/catalog.ts';
import type { RunningServer } from '../support/server.ts';
import type { BenchUser } from './data.ts';
import { openLoop, type LoadResult } from './load.ts';

export interface FloodResult {
  realistic: LoadResult;
  logins: { sent: number; wrong: number; refused: number; other: number; seconds: number };
  peakRssMb: number;
  startRssMb: number;
}

/**
 * Keeps `concurrent` wrong logins in flight, each from its own forwarded address (the server trusts the
 * loopback proxy) and for a fresh username each time, so the throttle lets them through and only the
 * hashing threads hold them back: the worst case for memory and CPU. Meanwhile the trainees answer.
 */
export async function loginFlood(
  server: RunningServer,
  users: BenchUser[],
  library: LoadedScenario[],
  seconds: number,
  concurrent: number,
): Promise<FloodResult> {
  const logins = { sent: 0, wrong: 0, refused: 0, other: 0, seconds };
  const agent = new Agent({ connections: concurrent });
  const startRssMb = await server.rssMb();
  let peakRssMb = startRssMb;
  let running = true;
  const sampling = (async () => {
    while (running) {
      peakRssMb = Math.max(peakRssMb, await server.rssMb());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const flood = Promise.all(
    Array.from({ length: concurrent }, async (_, client) => {
      for (let round = 0; running; round++) {
        logins.sent++;
        try {
          const response = await request(`${server.base}/login`, {
            method: 'POST',
            dispatcher: agent,
            headers: {
              origin: server.base,
              'content-type': 'application/x-www-form-urlencoded',
              'x-forwarded-for': `10.${client}.${(round >> 8) & 255}.${round & 255}`,
            },
            body: new URLSearchParams({ username: `guess-${client}-${round}`, password: 'not-the-password' }).toString(),
          });
          await response.body.dump();
          if (response.statusCode === 401) logins.wrong++;
          else if (response.statusCode === 429) logins.refused++;
          else logins.other++;
        } catch {
          logins.other++;
        }
      }
    }),
  );
  const realistic = await openLoop(server.base, users, library, seconds, 2000);
  running = false;
  await Promise.all([flood, sampling]);
  await agent.close();
  return { realistic, logins, peakRssMb, startRssMb };
}
