// npm run scenario:new -- <id> --category <category> [--level 1|2|3] [--title "..."] [--dir folder]
// (--dir writes somewhere other than scenarios/, next to a taxonomy.yaml: the tests use it).
// Writes scenarios/<id>.yaml: a starting file that passes the check, for an author to fill in.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkTaxonomyText } from '../domain/scenario/check.ts';
import { idSchema } from '../domain/scenario/schema.ts';
import { didYouMean } from '../domain/scenario/suggest.ts';
import { starterScenario } from '../domain/authoring/starter-scenario.ts';
import { defaultLibraryPaths, readPlaybookSlugs, readTaxonomy } from '../server/scenarios/library-files.ts';

const USAGE = 'Usage: npm run scenario:new -- <id> --category <category> [--level 1|2|3] [--title "Title"]';

/** A mistake in the command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

async function main(): Promise<string> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { category: { type: 'string' }, level: { type: 'string', default: '1' }, title: { type: 'string' }, dir: { type: 'string' } },
  });
  const paths = defaultLibraryPaths();
  const scenariosDir = values.dir ? path.resolve(values.dir) : paths.scenariosDir;
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError('Give one scenario id, such as credit-hold-month-end.');
  if (!idSchema.safeParse(id).success || id === 'taxonomy')
    throw new UsageError(`"${id}" is not a usable id: use lowercase words joined by hyphens, such as credit-hold-month-end.`);
  const taxonomy = checkTaxonomyText(await readTaxonomy(scenariosDir)).value;
  if (!taxonomy) throw new Error(`${path.join(scenariosDir, 'taxonomy.yaml')} has errors; run npm run scenarios:check first.`);
  const categories = taxonomy.categories.map((term) => term.id);
  if (!values.category) throw new UsageError(`Say which category it belongs to with --category. The categories are: ${categories.join(', ')}.`);
  if (!categories.includes(values.category))
    throw new UsageError(
      `"${values.category}" is not a category in taxonomy.yaml.${didYouMean(values.category, categories) || ` The categories are: ${categories.join(', ')}.`}`,
    );
  const level = Number(values.level);
  if (level !== 1 && level !== 2 && level !== 3) throw new UsageError('--level is 1 (foundation), 2 (practitioner) or 3 (senior desk).');

  const file = path.join(scenariosDir, `${id}.yaml`);
  const text = starterScenario({
    id,
    category: values.category,
    level,
    title: values.title,
    day: new Date().toISOString().slice(0, 10),
    taxonomy,
    playbooks: await readPlaybookSlugs(paths.playbooksDir),
  });
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${path.relative(process.cwd(), file)} already exists; choose another id, or edit that file.`);
    throw error;
  }
  const shown = path.relative(process.cwd(), file) || file;
  return [
    `Wrote ${shown}: a starting file that passes the check. Replace every text in it with your case.`,
    `Check it as you write:  npm run scenarios:check -- ${shown}`,
    `See its map:            npm run dev, then open /author/${id} (it refreshes when you save)`,
  ].join('\n');
}

main().then(
  (message) => console.log(message),
  (error: Error) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : `scenario:new failed: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
