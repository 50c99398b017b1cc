// npm start: build when the sources are newer than the build, open the data directory (seeding demo
// data on first start), then serve the site and print the URL and the demo logins.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { buildIfStale, serverEntry } from './build-if-stale.ts';
import { staticFiles } from '../server/http/static-files.ts';
import { admitRequest } from '../server/http/request-guard.ts';
import { lowerHashPriority } from '../server/auth/hash-threads.ts';
import { readConfig } from '../server/config.ts';
import { closeDesk, openDesk, provideDesk } from '../server/desk.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { warmUp } from '../server/http/warm-up.ts';

const entry = serverEntry();

async function main(): Promise<void> {
  // Every answer waits on two fsyncs in libuv's pool: more threads let more trainees' writes overlap
  // (in-process, 4 threads gave 1,290 answers/s, 16 gave 1,525). Set before the pool's first use.
  process.env.UV_THREADPOOL_SIZE ??= '16';
  lowerHashPriority();
  const config = readConfig();
  buildIfStale();
  const desk = await openDesk(config, { watch: true });
  const seed = config.DESK_DEMO ? await seedDemo(desk) : undefined;
  provideDesk(desk);

  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: http.RequestListener };
  const serveStatic = staticFiles(path.join(path.dirname(entry), '..', 'client'));
  const serve: http.RequestListener = (request, response) => {
    if (!serveStatic(request, response)) void handler(request, response);
  };
  const server = http.createServer((request, response) => {
    const admitted = admitRequest(request, response);
    if (admitted === true) serve(request, response);
    else if (admitted !== false) void admitted.then((go) => go && serve(request, response));
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;

  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping. Answers already acknowledged are on disk.`);
    server.close();
    closeDesk(desk);
    process.exit(0);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  server.on('error', (error: NodeJS.ErrnoException) => {
    closeDesk(desk);
    console.error(
      error.code === 'EADDRINUSE'
        ? `Cannot start: port ${config.PORT} on ${config.HOST} is already in use. Stop the other program or set PORT to another number.`
        : `Cannot start: ${error.message}`,
    );
    process.exit(1);
  });
  server.listen(config.PORT, config.HOST, async () => {
    const wildcard = config.HOST === '0.0.0.0' || config.HOST === '::';
    const shown = wildcard ? 'localhost' : config.HOST;
    const self = wildcard ? '127.0.0.1' : config.HOST;
    await warmUp(`http://${self.includes(':') ? `[${self}]` : self}:${config.PORT}`);
    const served = desk.catalog.list().length;
    const left = desk.catalog.checked.length - served;
    console.log(`\nException Desk is running at http://${shown}:${config.PORT}/`);
    console.log(`Data: ${path.resolve(desk.config.DESK_DATA_DIR)}${seed?.seeded ? ` (demo data seeded: ${seed.attempts} attempts)` : ''}`);
    console.log(`Scenarios: ${served} served${left ? `, ${left} left out for errors (npm run scenarios:check)` : ''}`);
    if (seed) {
      console.log(`\nDemo logins (password for all: ${seed.password}):`);
      for (const login of seed.logins) console.log(`  ${login.username.padEnd(7)} ${login.role.padEnd(8)} ${login.name}`);
    }
    console.log('\nPress Ctrl+C to stop.');
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
