// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { ADAPTER_BODY_LIMIT_BYTES, BODY_LIMIT_BYTES } from './src/server/http/request-guard.ts';

export default defineConfig({
  output: 'server',
  // npm start serves the app with its own small static-file map (src/server/http/static-files.ts).
  // The Node server refuses bodies past each route's own limit first (request-guard.ts); Astro's is the largest of them.
  adapter: node({ mode: 'middleware', bodySizeLimit: ADAPTER_BODY_LIMIT_BYTES }),
  integrations: [react()],
  // Form posts from another origin are refused (CSRF); Astro checks the Origin header.
  // Astro hashes its own inline scripts and styles into a CSP meta tag; middleware adds the rest.
  security: { checkOrigin: true, actionBodySizeLimit: BODY_LIMIT_BYTES, csp: true },
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  devToolbar: { enabled: false },
  // Our own sessions live in the data directory (src/server/auth/sessions.ts).
  session: false,
  // Shiki colours code with inline styles, which the CSP refuses; playbooks have little code.
  markdown: { syntaxHighlight: false },
});
