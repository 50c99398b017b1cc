import type { APIRoute } from 'astro';
import { authorizeLeadEndpoint } from '../../server/http/authorize-endpoint.ts';
import { teamAttemptsCsv } from '../../server/export/attempts-csv.ts';

/** The lead's team, one row per attempt, as a CSV file. */
export const GET: APIRoute = async (context) => {
  const auth = await authorizeLeadEndpoint(context);
  if (auth instanceof Response) return auth;
  const csv = await teamAttemptsCsv(auth.desk, auth.team);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${auth.team}-attempts-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
};
