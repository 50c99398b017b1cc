import type { APIRoute } from 'astro';
import { authorizeLeadEndpoint } from '../../server/http/authorize-endpoint.ts';
import { csvDownload } from '../../server/http/csv-download.ts';
import { teamTrendsCsv } from '../../server/team/team-trends.ts';

/** The lead's team week by week, as a CSV file. */
export const GET: APIRoute = async (context) => {
  const auth = await authorizeLeadEndpoint(context);
  if (auth instanceof Response) return auth;
  return csvDownload(await teamTrendsCsv(auth.desk, auth.team), auth.team, 'trends');
};
