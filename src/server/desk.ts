import path from 'node:path';
import { readConfig, type DeskConfig } from './config.ts';
import type { DeskStore } from './db/desk-store.ts';
import { openJsonFileStore } from './db/json-file-store.ts';
import { ScenarioCatalog } from './scenarios/catalog.ts';
import { AccountService } from './auth/accounts.ts';
import { SessionService } from './auth/sessions.ts';
import { LoginThrottle } from './auth/throttle.ts';
import { WriteRateLimit } from './limits/write-rate.ts';
import { AttemptService } from './attempts/attempt-service.ts';
import { ReadinessPolicyFile } from './readiness/policy-file.ts';
import type { LrsForwarder } from './lrs/lrs-forwarder.ts';
import { openLrs } from './lrs/open-lrs.ts';
import { warmStandings } from './team/team-overview.ts';
import { seedDemo } from './demo/seed.ts';
import { recordFileChanges } from './authoring/history.ts';

/** Everything the pages and actions call: one per process. */
export interface Desk {
  config: DeskConfig;
  store: DeskStore;
  catalog: ScenarioCatalog;
  accounts: AccountService;
  sessions: SessionService;
  throttle: LoginThrottle;
  /** Repeatable writes per account and kind per minute (decision 009). */
  writeRate: WriteRateLimit;
  attempts: AttemptService;
  /** The readiness policy in force (content/readiness.yaml), reloaded when saved. */
  readiness: ReadinessPolicyFile;
  /** Forwards xAPI statements to the Learning Record Store, when DESK_LRS_ENDPOINT is set. */
  lrs?: LrsForwarder;
}

/**
 * Opens the data directory (or uses `options.store`, e.g. openMemoryStore() in tests) and the scenario
 * library, and wires the services; the caller closes it.
 */
export async function openDesk(config: DeskConfig, options: { watch?: boolean; log?: (line: string) => void; store?: DeskStore } = {}): Promise<Desk> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const store = options.store ?? (await openJsonFileStore(config.DESK_DATA_DIR));
  try {
    const catalog = new ScenarioCatalog({ scenariosDir: path.resolve(config.DESK_SCENARIOS_DIR), playbooksDir: path.resolve(config.DESK_PLAYBOOKS_DIR) }, log);
    // Authoring (decision 012): withdrawn scenarios come from the store, and every reload records files changed on disk.
    catalog.setWithdrawn(store.authoring.withdrawn());
    let atStart = true;
    catalog.onReload(async (files) => {
      await recordFileChanges({ store }, files, { atStart });
      atStart = false;
    });
    await catalog.reload();
    if (options.watch) catalog.watch();
    const readiness = await ReadinessPolicyFile.open(config.DESK_READINESS_FILE, () => catalog.taxonomy?.categories.map((category) => category.id), log);
    if (options.watch) readiness.watch();
    const desk: Desk = {
      config,
      store,
      catalog,
      accounts: new AccountService(store),
      sessions: new SessionService(store),
      throttle: new LoginThrottle(),
      writeRate: new WriteRateLimit(config.DESK_WRITE_LIMIT),
      attempts: new AttemptService(store, catalog),
      readiness,
    };
    desk.lrs = await openLrs(desk, log);
    if (options.watch) desk.lrs?.start();
    // A server (not a script or a test) scores every trainee once in the background: the first team page is then fast too.
    if (options.watch) void warmStandings(desk).catch((error: Error) => log(`Warming the team pages failed: ${error.message}`));
    return desk;
  } catch (error) {
    store.close();
    throw error;
  }
}

export function closeDesk(desk: Desk): void {
  desk.catalog.close();
  desk.readiness.close();
  void desk.lrs?.stop();
  desk.store.close();
}

// The built server bundles its own copy of this module, and `npm start` opens the desk before it
// loads the bundle: one slot on globalThis lets both copies share the same open desk.
const SLOT = Symbol.for('exception-desk.desk');
type Slot = { [SLOT]?: Promise<Desk> };

/** Makes an already-open desk the one pages and actions use. */
export function provideDesk(desk: Desk): void {
  (globalThis as Slot)[SLOT] = Promise.resolve(desk);
}

/** The process's desk; opened from the environment on first use when `npm start` did not open it (astro dev). */
export function getDesk(): Promise<Desk> {
  const slot = globalThis as Slot;
  slot[SLOT] ??= (async () => {
    const config = readConfig();
    const desk = await openDesk(config, { watch: true });
    if (config.DESK_DEMO) await seedDemo(desk);
    return desk;
  })();
  return slot[SLOT];
}
