// Starts and stops the real server (npm start's own entry) for the benchmark and the fault tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface RunningServer {
  base: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Resident memory of the server process, in MB. */
  rssMb(): Promise<number>;
}

/** The arguments `npm start` gives Node (its V8 flags and the entry), so tests run the server exactly as users do. */
export const startArgs: string[] = (() => {
  const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is expected to run node, not: ${scripts.start}`);
  return args;
})();

/** A test's port moved by DESK_TEST_PORT_OFFSET, so several checkouts can run their tests on one machine at once. */
export const testPort = (port: number): number => port + Number(process.env.DESK_TEST_PORT_OFFSET ?? 0);

/** Spawns the server as `npm start` does, on a data directory, and resolves once it listens. */
export function startServer(dataDir: string, requestedPort: number, demo = false, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = testPort(requestedPort);
  const child = spawn(process.execPath, startArgs, {
    env: { ...process.env, DESK_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DESK_DEMO: demo ? '1' : '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve({
          base: `http://127.0.0.1:${port}`,
          process: child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
          rssMb: async () => {
            const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
            const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
            return Math.round(kb / 1024);
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

/** Logs in through the real form and returns the session cookie (`desk_session=...`) to send back. */
export async function sessionCookie(base: string, username: string, password = 'practice-desk'): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, next: '' }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 303 || !cookie) throw new Error(`login as ${username} failed: ${response.status}`);
  return cookie;
}
