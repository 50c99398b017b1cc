import { mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { request } from 'undici';
import { describe, expect, test } from 'vitest';
import { staticFiles } from '../../../src/server/http/static-files.ts';
import { tempDataDir } from '../../support/desk.ts';

async function serve(dir: string) {
  const serveStatic = staticFiles(dir);
  const server = http.createServer((req, res) => {
    if (!serveStatic(req, res)) res.writeHead(418).end('app');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

describe('staticFiles', () => {
  test('serves listed files with their type and caching, and passes everything else to the app', async () => {
    const dir = await tempDataDir();
    await mkdir(path.join(dir, '_astro'));
    await writeFile(path.join(dir, '_astro', 'app.abc.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'favicon.svg'), '<svg/>');
    const { base, close } = await serve(dir);
    const js = await request(`${base}/_astro/app.abc.js`);
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await js.body.text()).toBe('console.log(1)');
    const icon = await request(`${base}/favicon.svg`);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    await icon.body.dump();
    const page = await request(`${base}/train`);
    expect(page.statusCode).toBe(418);
    await page.body.dump();
    close();
  });

  test('a file answers 304 to its own ETag, and a byte range with 206', async () => {
    const dir = await tempDataDir();
    await mkdir(path.join(dir, '_astro'));
    await writeFile(path.join(dir, '_astro', 'page.abc.css'), 'body{color:red}');
    const { base, close } = await serve(dir);
    const first = await request(`${base}/_astro/page.abc.css`);
    const etag = String(first.headers.etag ?? '');
    expect(etag).not.toBe('');
    await first.body.dump();
    const again = await request(`${base}/_astro/page.abc.css`, { headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await again.body.text()).toBe('');
    const part = await request(`${base}/_astro/page.abc.css`, { headers: { range: 'bytes=5-9' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 5-9/15');
    expect(await part.body.text()).toBe('color');
    const head = await request(`${base}/_astro/page.abc.css`, { method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe('15');
    await head.body.dump();
    close();
  });

  test('a listed file removed afterwards (a rebuild) answers 404 and the server keeps running', async () => {
    const dir = await tempDataDir();
    await writeFile(path.join(dir, 'gone.css'), 'body{}');
    const { base, close } = await serve(dir);
    await rm(path.join(dir, 'gone.css'));
    const gone = await request(`${base}/gone.css`);
    expect(gone.statusCode).toBe(404);
    await gone.body.dump();
    const after = await request(`${base}/anything`);
    expect(after.statusCode).toBe(418);
    await after.body.dump();
    close();
  });
});
