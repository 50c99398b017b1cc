import { checkScenarioText, checkTaxonomyText } from './check.ts';
import type { Finding } from './finding.ts';
import type { Scenario, Taxonomy } from './schema.ts';
import { readYaml } from './yaml-source.ts';

export interface ScenarioSourceFile {
  /** How the file is named in findings (a path relative to the project, usually). */
  path: string;
  text: string;
}

export interface CheckedFile {
  path: string;
  scenario?: Scenario;
  findings: Finding[];
}

export interface LibraryCheck {
  taxonomy?: Taxonomy;
  taxonomyFindings: Finding[];
  files: CheckedFile[];
}

const fileIdOf = (path: string) => (path.split('/').at(-1) ?? path).replace(/\.ya?ml$/, '');

/** One file's check, as part of a library: its id must match its file name. The taxonomy must be valid. */
export function checkScenarioFile(taxonomy: Taxonomy, file: ScenarioSourceFile, playbooks?: readonly string[]): CheckedFile {
  const result = checkScenarioText(file.text, { taxonomy, playbooks, fileId: fileIdOf(file.path) });
  return { path: file.path, scenario: result.value, findings: result.findings };
}

/** The finding every file gets while taxonomy.yaml has errors: nothing else can be checked. */
export const TAXONOMY_INVALID: Finding = {
  severity: 'error',
  code: 'taxonomy-invalid',
  path: [],
  line: 1,
  column: 1,
  message: 'Not checked: taxonomy.yaml has errors; fix those first.',
};

/** Checks a set of scenario files against the taxonomy, including ids that repeat across files. */
export function checkLibrary(taxonomyText: string, files: readonly ScenarioSourceFile[], playbooks?: readonly string[]): LibraryCheck {
  const taxonomyCheck = checkTaxonomyText(taxonomyText);
  const taxonomy = taxonomyCheck.value;
  if (!taxonomy) {
    return {
      taxonomyFindings: taxonomyCheck.findings,
      files: files.map((file) => ({
        path: file.path,
        findings: [{ ...TAXONOMY_INVALID }],
      })),
    };
  }
  const checked: CheckedFile[] = files.map((file) => checkScenarioFile(taxonomy, file, playbooks));
  const firstById = new Map<string, string>();
  for (const file of checked) {
    if (!file.scenario) continue;
    const first = firstById.get(file.scenario.id);
    if (first) {
      const text = files.find((source) => source.path === file.path)?.text ?? '';
      file.findings.push(
        readYaml(text).place({
          severity: 'error',
          code: 'duplicate-scenario',
          path: ['id'],
          message: `The id "${file.scenario.id}" is already used by ${first}. Every scenario needs its own id.`,
        }),
      );
      file.scenario = undefined;
    } else firstById.set(file.scenario.id, file.path);
  }
  return { taxonomy, taxonomyFindings: [], files: checked };
}
