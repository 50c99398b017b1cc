import { defineMiddleware } from 'astro:middleware';

/** Rules on framing, forms and plugins: on every response. */
const ALWAYS = ["frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'", "object-src 'none'"];
/** Content rules added to the policy Astro writes with its script and style hashes (built pages). */
const WITH_ASTRO = ["default-src 'self'", "img-src 'self' data:"];

/**
 * Astro's policy with ours added, keeping Astro's value where both name a directive. Where Astro wrote
 * none (endpoints, and the dev server, whose inline styles are not hashed) only the framing rules apply.
 */
function mergePolicy(astro: string | null): string {
  const directives = (astro ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  const named = new Set(directives.map((directive) => directive.split(/\s+/)[0]));
  const extra = astro ? [...WITH_ASTRO, ...ALWAYS] : ALWAYS;
  return [...directives, ...extra.filter((directive) => !named.has(directive.split(/\s+/)[0]))].join('; ');
}

/** Security headers on every response; authenticated pages are never cached. */
export const securityHeaders = defineMiddleware(async (context, next) => {
  const response = await next();
  const headers = response.headers;
  headers.set('Content-Security-Policy', mergePolicy(headers.get('Content-Security-Policy')));
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (context.locals.user) headers.set('Cache-Control', 'no-store');
  return response;
});
