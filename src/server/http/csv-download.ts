/** A CSV file to download, named `<team>-<what>-<today>.csv`. */
export function csvDownload(csv: string, team: string, what: string, now = new Date()): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${team}-${what}-${now.toISOString().slice(0, 10)}.csv"`,
    },
  });
}
