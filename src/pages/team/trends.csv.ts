import type { APIRoute } from 'astro';
import { authorizeLeadEndpoint } from '../../server/http/authorize-endpoint.ts';
import { teamTrendsCsv } from '../../server/team/team-trends.ts';

/** The lead's team week by week, as a CSV file. */
export const GET: APIRoute = async (context) => {
  const auth = await authorizeLeadEndpoint(context);
  if (auth instanceof Response) return auth;
  const csv = await teamTrendsCsv(auth.desk, auth.team);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${auth.team}-trends-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
};
