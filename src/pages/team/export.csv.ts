import type { APIRoute } from 'astro';
import { authorizeLeadEndpoint } from '../../server/http/authorize-endpoint.ts';
import { csvDownload } from '../../server/http/csv-download.ts';
import { teamAttemptsCsv } from '../../server/export/attempts-csv.ts';

/** The lead's team, one row per attempt, as a CSV file. */
export const GET: APIRoute = async (context) => {
  const auth = await authorizeLeadEndpoint(context);
  if (auth instanceof Response) return auth;
  return csvDownload(await teamAttemptsCsv(auth.desk, auth.team), auth.team, 'attempts');
};
