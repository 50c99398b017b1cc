import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { warmUp } from '../../../src/server/http/warm-up.ts';

let server: http.Server | undefined;
afterEach(() => server?.close());

describe('warmUp', () => {
  test('asks for the login page, the catalog and the answer action, each round, as a same-origin caller', async () => {
    const seen: string[] = [];
    server = http.createServer((request, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers.origin}`);
      response.writeHead(request.url === '/train' ? 302 : 401, { location: '/login' }).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await warmUp(base, 2);
    const round = [`GET /login ${base}`, `GET /train ${base}`, `POST /_actions/attempt.answer ${base}`];
    expect(seen).toEqual([...round, ...round]);
  });

  test('a server that does not answer leaves it to real traffic to show: no error', async () => {
    await expect(warmUp('http://127.0.0.1:9', 1)).resolves.toBeUndefined();
  });
});
