import { existsSync } from 'node:fs';

/** Where the browser tests find Chromium: CHROMIUM_PATH, or Debian's package, or undefined. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string));
}
