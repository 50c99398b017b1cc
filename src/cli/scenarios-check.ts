// npm run scenarios:check [-- [--json] FILE...]: checks scenario files and prints one line per finding.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkLibrary } from '../domain/scenario/library.ts';
import { formatFinding, hasErrors } from '../domain/scenario/finding.ts';
import { defaultLibraryPaths, readPlaybookSlugs, readScenarioFile, readScenarioFiles, readTaxonomy } from '../server/scenarios/library-files.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
const paths = defaultLibraryPaths();

async function main(): Promise<number> {
  const files = positionals.length
    ? await Promise.all(positionals.map((file) => readScenarioFile(path.resolve(file))))
    : await readScenarioFiles(paths.scenariosDir);
  const result = checkLibrary(await readTaxonomy(paths.scenariosDir), files, await readPlaybookSlugs(paths.playbooksDir));
  const taxonomyPath = path.relative(process.cwd(), path.join(paths.scenariosDir, 'taxonomy.yaml'));
  const all = [
    ...result.taxonomyFindings.map((finding) => ({ file: taxonomyPath, finding })),
    ...result.files.flatMap((file) => file.findings.map((finding) => ({ file: file.path, finding }))),
  ];
  const errors = all.filter(({ finding }) => finding.severity === 'error').length;
  const warnings = all.length - errors;
  const failed = hasErrors(all.map(({ finding }) => finding));

  if (values.json) {
    console.log(JSON.stringify({ files: files.length, errors, warnings, findings: all.map(({ file, finding }) => ({ file, ...finding })) }, null, 2));
  } else {
    for (const { file, finding } of all) console.log(formatFinding(file, finding));
    const clean = result.files.filter((file) => file.findings.length === 0).length;
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    console.log(`${plural(files.length, 'scenario file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; ${clean} clean.`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'ENOENT' ? `Cannot read ${error.path}: no such file.` : `scenarios:check failed: ${error.message}`);
    process.exit(2);
  },
);
