import type { AstroGlobal } from 'astro';
import { authorize, forbidden, notFound, type Authorized } from './authorize.ts';
import { authorFile, type AuthorFile } from '../authoring/author-files.ts';
import { canReadAuthoring, type Viewer } from '../../domain/people/roles.ts';

type PageContext = Pick<AstroGlobal, 'locals' | 'url' | 'redirect' | 'rewrite' | 'response'>;

/** An author studio page's visitor, with the file the page is about. */
export interface AuthorizedFile extends Authorized {
  fileId: string;
  file: AuthorFile;
}

/** Author studio pages: a senior or lead whom `may` lets in (reading, by default); anyone else gets the 403 page. */
export async function authorizeAuthor(page: PageContext, may: (viewer: Viewer) => boolean = canReadAuthoring): Promise<Authorized | Response> {
  const auth = await authorize(page, ['senior', 'lead']);
  if (auth instanceof Response) return auth;
  return may(auth.viewer) ? auth : forbidden(page);
}

/** One file's studio page: as authorizeAuthor, and the file by its id, or the 404 page when no such file was checked. */
export async function authorizeAuthorFile(
  page: PageContext,
  fileId: string | undefined,
  may?: (viewer: Viewer) => boolean,
): Promise<AuthorizedFile | Response> {
  const auth = await authorizeAuthor(page, may);
  if (auth instanceof Response) return auth;
  const file = authorFile(auth.desk.catalog, fileId ?? '');
  return file ? { ...auth, fileId: file.fileId, file } : notFound(page);
}
