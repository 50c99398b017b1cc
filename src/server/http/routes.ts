/** What a route takes beyond GET and HEAD, and which kind of repeatable write it is (rate-limited per account). */
export interface RouteRule {
  methods: readonly string[];
  /** Words for the write's kind in a 429 message; unset for routes whose posts are not limited here. */
  writes?: string;
  /** The largest body the route takes, when it is not the server's usual BODY_LIMIT_BYTES. */
  bodyLimit?: number;
  /** A JSON endpoint: the server's own refusals (405, 413) answer `{ "error": ... }` as its code does. */
  json?: boolean;
}

/** The body limit of routes that carry a whole scenario text (256 KB, which JSON escaping or a form's encoding can make larger). */
export const SCENARIO_BODY_LIMIT = 1024 * 1024;

const GET_POST = ['GET', 'HEAD', 'POST'] as const;
/** Grades from the review queue and from a debrief share one limit. */
const FEEDBACK = 'comments, replies and grades';
/** New scenarios, submits, reviews, restores, uploads and withdrawals share one limit; draft saves (PUT) are not limited. */
const AUTHORING = 'scenario changes';

/**
 * The routes that take more than GET and HEAD, as Astro names them (src/pages); every other path serves
 * GET and HEAD only. Unlimited posts: logins have their own throttle, logout ends a session, an answer or
 * hint moves an attempt one step (bounded by the attempts started), a playtest saves nothing, and a
 * draft save (PUT) replaces the one draft of a scenario.
 */
export const ROUTES: Record<string, RouteRule> = {
  '/login': { methods: GET_POST },
  '/logout': { methods: ['POST'] },
  '/_actions/[name]': { methods: ['POST'] },
  '/train/[id]': { methods: GET_POST, writes: 'case starts' },
  '/attempts/[id]': { methods: GET_POST, writes: FEEDBACK },
  '/review': { methods: GET_POST, writes: FEEDBACK },
  '/team/assignments': { methods: GET_POST, writes: 'assignment changes' },
  '/review/sign-offs': { methods: GET_POST, writes: 'sign-off changes' },
  '/author/[id]/playtest': { methods: GET_POST },
  '/author/new': { methods: GET_POST, writes: AUTHORING, bodyLimit: SCENARIO_BODY_LIMIT },
  '/author/[id]/draft.json': { methods: ['GET', 'HEAD', 'PUT'], bodyLimit: SCENARIO_BODY_LIMIT, json: true },
  // Form posts; a GET shows where to submit or upload from.
  '/author/[id]/submit': { methods: GET_POST, writes: AUTHORING },
  '/author/[id]/review': { methods: GET_POST, writes: AUTHORING },
  '/author/[id]/history': { methods: GET_POST, writes: AUTHORING },
  '/author/[id]/upload': { methods: GET_POST, writes: AUTHORING, bodyLimit: SCENARIO_BODY_LIMIT },
  // The editor's live check: a whole scenario text per post, debounced while the author types; it stores nothing.
  '/author/check.json': { methods: ['POST'], bodyLimit: SCENARIO_BODY_LIMIT, json: true },
};

/** The largest body any route takes: Astro's adapter is given this, and each route's own limit is kept here. */
export const LARGEST_BODY_BYTES = Math.max(...Object.values(ROUTES).map((rule) => rule.bodyLimit ?? 0));

const READ_ONLY: RouteRule = { methods: ['GET', 'HEAD'] };

const matchers = Object.entries(ROUTES).map(([route, rule]) => {
  const pattern = route
    .split('/')
    .map((part) => (/^\[\w+\]$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { route, test: new RegExp(`^${pattern}/?$`), rule };
});

/** The rule for a path, and its route's name (the path itself when it is read-only). */
export function routeFor(pathname: string): RouteRule & { route: string } {
  const found = matchers.find((matcher) => matcher.test.test(pathname));
  return found ? { route: found.route, ...found.rule } : { route: pathname, ...READ_ONLY };
}
