import { defineMiddleware } from 'astro:middleware';

/** The policy parts a meta tag cannot carry; Astro's own CSP meta tag adds script and style hashes. */
const HEADER_CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

/** Security headers on every response; authenticated pages are never cached. */
export const securityHeaders = defineMiddleware(async (context, next) => {
  const response = await next();
  const headers = response.headers;
  headers.set('Content-Security-Policy', HEADER_CSP);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (context.locals.user) headers.set('Cache-Control', 'no-store');
  return response;
});
