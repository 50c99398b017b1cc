import type { APIRoute } from 'astro';
import { authorizeLeadEndpoint } from '../../server/http/authorize-endpoint.ts';
import { teamStatements } from '../../server/export/xapi.ts';

/** The lead's team's attempts as xAPI 1.0.3 statements, a JSON array an LRS accepts as it is. */
export const GET: APIRoute = async (context) => {
  const auth = await authorizeLeadEndpoint(context);
  if (auth instanceof Response) return auth;
  const statements = await teamStatements(auth.desk, auth.team);
  return new Response(JSON.stringify(statements, null, 1), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${auth.team}-xapi-${new Date().toISOString().slice(0, 10)}.json"`,
    },
  });
};
