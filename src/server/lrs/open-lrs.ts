import path from 'node:path';
import type { DeskConfig } from '../config.ts';
import type { XapiDeps } from '../export/xapi.ts';
import { LrsForwarder, type LrsTiming } from './lrs-forwarder.ts';
import { LrsQueue } from './lrs-queue.ts';
import { changedAttemptStatements } from './attempt-statements.ts';

/** The forwarder when DESK_LRS_ENDPOINT is set (with its key and secret), else undefined; not started. */
export async function openLrs(
  desk: XapiDeps & { config: DeskConfig },
  log: (line: string) => void,
  timing: Partial<LrsTiming> = {},
): Promise<LrsForwarder | undefined> {
  const { DESK_LRS_ENDPOINT: endpoint, DESK_LRS_KEY: key, DESK_LRS_SECRET: secret } = desk.config;
  if (!endpoint) return undefined;
  if (!key || !secret) {
    throw new Error(
      'Cannot start: DESK_LRS_ENDPOINT is set, so DESK_LRS_KEY and DESK_LRS_SECRET must be set too (the key and secret the Learning Record Store issued for Basic authentication).',
    );
  }
  const queue = await LrsQueue.open(path.resolve(desk.config.DESK_DATA_DIR));
  return new LrsForwarder(queue, { endpoint, key, secret }, changedAttemptStatements(desk), log, timing);
}
