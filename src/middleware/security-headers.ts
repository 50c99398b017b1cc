import { defineMiddleware } from 'astro:middleware';

/** Directives added to the policy Astro writes (its script and style hashes); used alone where Astro wrote none. */
const EXTRA_CSP = ["default-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'", "object-src 'none'"];

/** Astro's policy with ours added, keeping Astro's value where both name a directive. */
function mergePolicy(astro: string | null): string {
  const directives = (astro ?? '').split(';').map((part) => part.trim()).filter(Boolean);
  const named = new Set(directives.map((directive) => directive.split(/\s+/)[0]));
  return [...directives, ...EXTRA_CSP.filter((directive) => !named.has(directive.split(/\s+/)[0]))].join('; ');
}

/** Security headers on every response; authenticated pages are never cached. */
export const securityHeaders = defineMiddleware(async (context, next) => {
  const response = await next();
  const headers = response.headers;
  // Astro's dev server injects inline styles it does not hash; the built server is where the policy holds.
  if (!import.meta.env.DEV) headers.set('Content-Security-Policy', mergePolicy(headers.get('Content-Security-Policy')));
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (context.locals.user) headers.set('Cache-Control', 'no-store');
  return response;
});
