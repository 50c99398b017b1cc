import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPolicyText } from '../../domain/readiness/check-policy.ts';
import type { ReadinessPolicy } from '../../domain/readiness/policy.ts';
import { formatFinding } from '../../domain/scenario/finding.ts';

/** Recognised by `code` (the built server bundles its own copy of this module). */
export const POLICY_ERROR_CODE = 'READINESS_POLICY';

/** The policy file is missing or wrong: the message names the file, each line and what to write instead. */
export class ReadinessPolicyError extends Error {
  readonly code = POLICY_ERROR_CODE;
}

/** Reads and checks the policy file; throws ReadinessPolicyError listing every problem with its line. */
export async function readPolicyFile(file: string, categoryIds: readonly string[] | undefined): Promise<ReadinessPolicy> {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new ReadinessPolicyError(
      `The readiness policy ${shown} cannot be read: ${reason}. Restore it from the repository, or set DESK_READINESS_FILE to the policy's path.`,
    );
  }
  const checked = checkPolicyText(text, categoryIds);
  if (checked.value) return checked.value;
  const lines = checked.findings.map((finding) => `  ${formatFinding(shown, finding)}`);
  throw new ReadinessPolicyError(`The readiness policy ${shown} has ${lines.length === 1 ? 'a problem' : `${lines.length} problems`}:\n${lines.join('\n')}`);
}

/**
 * The readiness policy in force: read and checked at start (a bad file stops the start), reloaded
 * when the file is saved; a bad save keeps the previous policy and is logged.
 */
export class ReadinessPolicyFile {
  readonly file: string;
  policy: ReadinessPolicy;
  /** Bumped on every successful reload, so caches can tell the policy changed. */
  generation = 0;
  #categoryIds: () => readonly string[] | undefined;
  #log: (line: string) => void;
  #watcher: FSWatcher | undefined;

  private constructor(file: string, policy: ReadinessPolicy, categoryIds: () => readonly string[] | undefined, log: (line: string) => void) {
    this.file = file;
    this.policy = policy;
    this.#categoryIds = categoryIds;
    this.#log = log;
  }

  /** Opens the policy file; throws ReadinessPolicyError when it is missing or wrong. */
  static async open(file: string, categoryIds: () => readonly string[] | undefined, log: (line: string) => void = console.warn): Promise<ReadinessPolicyFile> {
    const resolved = path.resolve(file);
    try {
      return new ReadinessPolicyFile(resolved, await readPolicyFile(resolved, categoryIds()), categoryIds, log);
    } catch (error) {
      throw new ReadinessPolicyError(`Cannot start: ${(error as Error).message}`);
    }
  }

  /** Reads the file again; keeps the current policy (and logs why) when the new text is wrong. */
  async reload(): Promise<boolean> {
    try {
      this.policy = await readPolicyFile(this.file, this.#categoryIds());
      this.generation++;
      this.#log(`Readiness policy reloaded from ${path.relative(process.cwd(), this.file)}.`);
      return true;
    } catch (error) {
      this.#log(`${(error as Error).message}\nThe previous readiness policy stays in force until the file is fixed.`);
      return false;
    }
  }

  /** Reloads shortly after the file is saved (editors often replace the file, so the folder is watched). */
  watch(): void {
    let timer: NodeJS.Timeout | undefined;
    const name = path.basename(this.file);
    try {
      this.#watcher = watch(path.dirname(this.file), (_event, changed) => {
        if (changed && changed !== name) return;
        clearTimeout(timer);
        timer = setTimeout(() => void this.reload(), 150);
      });
      this.#watcher.unref();
    } catch (error) {
      this.#log(`Not watching ${this.file}: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.#watcher?.close();
  }
}
