// JavaScript each page sends, gzip, from the built client files: scripts on the page and what they import.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const clientDir = path.join(process.cwd(), 'dist', 'client');

async function fileFor(url: string): Promise<string | undefined> {
  const pathname = url.startsWith('http') ? new URL(url).pathname : url;
  if (!pathname.endsWith('.js') && !pathname.endsWith('.mjs')) return undefined;
  try {
    return await readFile(path.join(clientDir, pathname), 'utf8');
  } catch {
    return undefined;
  }
}

/** Gzip bytes of every script a page's HTML loads, following static and dynamic imports between them. */
export async function javascriptOf(html: string): Promise<{ files: number; gzipBytes: number; inlineGzipBytes: number }> {
  const roots = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g),
  ].map((match) => match[1] as string);
  const seen = new Set<string>();
  let gzipBytes = 0;
  const queue = [...roots];
  while (queue.length) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const text = await fileFor(url);
    if (text === undefined) continue;
    gzipBytes += gzipSync(text).length;
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.m?js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(new URL(url, 'http://x').pathname), match[1] as string));
    }
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '').join('\n');
  return { files: seen.size, gzipBytes, inlineGzipBytes: inline.trim() ? gzipSync(inline).length : 0 };
}
