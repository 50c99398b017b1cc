import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { checkLibrary, type CheckedFile } from '../../domain/scenario/library.ts';
import { checkScenarioText } from '../../domain/scenario/check.ts';
import { formatFinding } from '../../domain/scenario/finding.ts';
import type { Scenario, Taxonomy } from '../../domain/scenario/schema.ts';
import { taxonomyLabels, type TaxonomyLabels } from '../../domain/scenario/taxonomy-labels.ts';
import { compileScenario, type ScenarioMachine } from '../../domain/engine/machine.ts';
import { seniorPath, type SeniorPath } from '../../domain/engine/senior-path.ts';
import { resolveVariant, scenarioVariants } from '../../domain/scenario/variants.ts';
import { readPlaybookSlugs, readScenarioFiles, readTaxonomy, type LibraryPaths } from './library-files.ts';

/** One variant of a scenario ready to run: resolved, compiled, its senior path derived. */
export interface LoadedVariant {
  id: string;
  /** For authors and leads; never shown to trainees. */
  title: string;
  scenario: Scenario;
  machine: ScenarioMachine;
  senior: SeniorPath;
}

/**
 * A scenario ready to run, pinned by the hash of its text. `scenario`, `machine` and `senior` are its
 * first variant (`standard` for a file without variants); `variants` holds every one.
 */
export interface LoadedScenario extends Omit<LoadedVariant, 'id' | 'title'> {
  revision: string;
  text: string;
  variants: LoadedVariant[];
}

/** The variant an attempt plays: by id, or the first when the attempt names none (attempts stored before variants). */
export function pickVariant(loaded: LoadedScenario, variantId?: string): LoadedVariant | undefined {
  return variantId === undefined ? loaded.variants[0] : loaded.variants.find((variant) => variant.id === variantId);
}

/** The revision id of a scenario file: the first 16 hex digits of its SHA-256. */
export const revisionOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

function load(checked: Scenario, text: string): LoadedScenario {
  const variants = scenarioVariants(checked).map(({ id, title }): LoadedVariant => {
    const scenario = resolveVariant(checked, id);
    return { id, title, scenario, machine: compileScenario(scenario), senior: seniorPath(scenario) };
  });
  const [first] = variants as [LoadedVariant];
  return { scenario: first.scenario, machine: first.machine, senior: first.senior, text, revision: revisionOf(text), variants };
}

/** One scenario file as a reload read it: what a reload listener is told. */
export interface ReloadedFile {
  /** The file name without `.yaml`. */
  fileId: string;
  text: string;
  revision: string;
}

/** Called after every reload with every scenario file read (served or not); the catalog waits for it, and logs a failure. */
export type ReloadListener = (files: ReloadedFile[]) => void | Promise<void>;

/**
 * The scenario library as served: files with errors are left out (and logged) while the rest are
 * served; reloads when files change. Old revisions stay runnable for attempts pinned to them.
 */
export class ScenarioCatalog {
  readonly paths: LibraryPaths;
  taxonomy: Taxonomy | undefined;
  /** The taxonomy's labels for category and route ids; follows each reload. */
  labels: TaxonomyLabels = taxonomyLabels(undefined);
  /** Every file's check result, including those left out. */
  checked: CheckedFile[] = [];
  playbooks: string[] = [];
  #served = new Map<string, LoadedScenario>();
  #byRevision = new Map<string, LoadedScenario>();
  #watcher: FSWatcher | undefined;
  #log: (line: string) => void;
  /** Bumped on every reload, so pages can tell a change happened. */
  generation = 0;
  /** Scenarios withdrawn by their authors: kept for attempts pinned to them, but no new attempt starts. */
  #withdrawn = new Set<string>();
  #listeners: ReloadListener[] = [];

  constructor(paths: LibraryPaths, log: (line: string) => void = console.warn) {
    this.paths = paths;
    this.#log = log;
  }

  async reload(): Promise<void> {
    const files = await readScenarioFiles(this.paths.scenariosDir);
    this.playbooks = await readPlaybookSlugs(this.paths.playbooksDir);
    const result = checkLibrary(await readTaxonomy(this.paths.scenariosDir), files, this.playbooks);
    this.taxonomy = result.taxonomy ?? this.taxonomy;
    this.labels = taxonomyLabels(this.taxonomy);
    for (const finding of result.taxonomyFindings) this.#log(formatFinding('scenarios/taxonomy.yaml', finding));
    const served = new Map<string, LoadedScenario>();
    for (const file of result.files) {
      const errors = file.findings.filter((finding) => finding.severity === 'error');
      if (!file.scenario) {
        this.#log(`Left out of the catalog: ${file.path} (${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${errors[0] ? formatFinding(file.path, errors[0]) : 'unknown'}). Run npm run scenarios:check for all.`);
        continue;
      }
      const text = files.find((source) => source.path === file.path)?.text ?? '';
      const loaded = this.#byRevision.get(revisionOf(text)) ?? load(file.scenario, text);
      this.#byRevision.set(loaded.revision, loaded);
      served.set(file.scenario.id, loaded);
    }
    this.checked = result.files;
    this.#served = served;
    this.generation++;
    const reloaded = files.map((file) => ({ fileId: path.basename(file.path).replace(/\.ya?ml$/, ''), text: file.text, revision: revisionOf(file.text) }));
    for (const listener of this.#listeners) {
      try {
        await listener(reloaded);
      } catch (error) {
        this.#log(`After the scenario reload: ${(error as Error).message}`);
      }
    }
  }

  /** Calls `listener` after every reload from now on (the authoring history records file changes this way). */
  onReload(listener: ReloadListener): void {
    this.#listeners.push(listener);
  }

  /** Sets the scenarios withdrawn by their authors (from the store): they leave the list and no new attempt starts on them. */
  setWithdrawn(ids: Iterable<string>): void {
    this.#withdrawn = new Set(ids);
    this.generation++;
  }

  /** True when an author withdrew this scenario (as opposed to a file left out for errors). */
  withdrawnByAuthor(id: string): boolean {
    return this.#withdrawn.has(id);
  }

  /** Scenarios served to trainees, by title. */
  list(): LoadedScenario[] {
    return [...this.#served.values()].filter((loaded) => !this.#withdrawn.has(loaded.scenario.id)).sort((a, b) => a.scenario.title.localeCompare(b.scenario.title));
  }

  /** A scenario new attempts may start on; undefined when there is none or it is withdrawn. */
  get(id: string): LoadedScenario | undefined {
    return this.#withdrawn.has(id) ? undefined : this.#served.get(id);
  }

  /** The served revision of a scenario, withdrawn or not: for its authors' pages, not for new attempts. */
  current(id: string): LoadedScenario | undefined {
    return this.#served.get(id);
  }

  /** True when an author withdrew this scenario, or its file is left out for errors: no new attempt until it is back. */
  isWithdrawn(id: string): boolean {
    if (this.#withdrawn.has(id) && this.#served.has(id)) return true;
    return !this.#served.has(id) && this.checked.some((file) => path.basename(file.path).replace(/\.ya?ml$/, '') === id);
  }

  /** A pinned revision: from memory, or rebuilt from the stored text when the file has changed since. */
  revision(revision: string, storedText: () => Promise<string | undefined>): Promise<LoadedScenario | undefined> {
    const known = this.#byRevision.get(revision);
    if (known) return Promise.resolve(known);
    return storedText().then((text) => {
      if (!text || !this.taxonomy) return undefined;
      const checked = checkScenarioText(text, { taxonomy: this.taxonomy });
      if (!checked.value) return undefined;
      const loaded = load(checked.value, text);
      this.#byRevision.set(revision, loaded);
      return loaded;
    });
  }

  /** Reloads shortly after any change in the scenarios or playbooks folder. */
  watch(): void {
    let timer: NodeJS.Timeout | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.reload().catch((error: Error) => this.#log(`Scenario reload failed: ${error.message}`)), 150);
    };
    try {
      this.#watcher = watch(this.paths.scenariosDir, schedule);
      this.#watcher.unref();
    } catch (error) {
      this.#log(`Not watching ${path.relative(process.cwd(), this.paths.scenariosDir)}: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.#watcher?.close();
  }
}
