import type { UnplacedFinding } from './finding.ts';
import { reachableFrom, stepsThatCanEnd } from './graph.ts';
import type { Branch, Scenario, Step, Taxonomy } from './schema.ts';
import { didYouMean, didYouMeanTerm, listOf, nearest } from './suggest.ts';

/** ` (did you mean "x"?)` inside a sentence, or nothing. */
const suggestion = (name: string, candidates: readonly string[]) => {
  const match = nearest(name, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
};
import { seniorPath } from '../engine/senior-path.ts';
import { conditionFindings } from './condition-bounds.ts';
import { giveawayFindings } from './giveaway.ts';

/** What the lint checks references against, beyond the scenario itself. */
export interface LintContext {
  taxonomy: Taxonomy;
  /** Playbook slugs that exist; undefined skips the playbook check. */
  playbooks?: readonly string[];
  /** The id the file name implies; undefined skips that check. */
  fileId?: string;
}

type Path = (string | number)[];

/** The graph and reference checks of "What the check reports", on a scenario that passed the schema. */
export function lintScenario(scenario: Scenario, lint: LintContext): UnplacedFinding[] {
  const findings: UnplacedFinding[] = [];
  const error = (code: string, path: Path, message: string) => findings.push({ severity: 'error', code, path, message });
  const warning = (code: string, path: Path, message: string) => findings.push({ severity: 'warning', code, path, message });

  const stepIds = Object.keys(scenario.steps);
  const endingIds = Object.keys(scenario.endings);
  const nodeIds = [...stepIds, ...endingIds];
  const documentIds = scenario.case.documents.map((document) => document.id);

  const reference = (path: Path, id: string, known: readonly string[], what: string, code = 'unknown-reference') => {
    if (!known.includes(id)) error(code, path, `"${id}" is not ${what}.${didYouMean(id, known)}`);
  };
  const term = (path: Path, id: string, terms: readonly { id: string; label: string; description: string }[], what: string) => {
    if (!terms.some((entry) => entry.id === id)) error('unknown-reference', path, `"${id}" is not ${what}.${didYouMeanTerm(id, terms)}`);
  };
  // A node a misspelt target was probably meant for is not also reported as unreachable.
  const meantFor = new Set<string>();
  const target = (path: Path, id: string) => {
    if (!nodeIds.includes(id)) meantFor.add(nearest(id, nodeIds) ?? '');
    reference(path, id, nodeIds, `a step or ending of this scenario`, 'unknown-target');
  };

  if (lint.fileId !== undefined && scenario.id !== lint.fileId) {
    error(
      'id-mismatch',
      ['id'],
      `The id "${scenario.id}" does not match the file name "${lint.fileId}.yaml". Rename the file or change the id so they are the same.`,
    );
  }
  term(['category'], scenario.category, lint.taxonomy.categories, 'a category in taxonomy.yaml');
  scenario.competencies.forEach((id, index) => term(['competencies', index], id, lint.taxonomy.competencies, 'a competency in taxonomy.yaml'));
  if (lint.playbooks) {
    const known = lint.playbooks;
    scenario.playbooks.forEach((id, index) => reference(['playbooks', index], id, known, 'a playbook in content/playbooks/'));
  }
  if (scenario.setting.deadline && scenario.setting.deadline <= scenario.setting.clock) {
    error(
      'deadline-before-clock',
      ['setting', 'deadline'],
      `The deadline ${scenario.setting.deadline} is not after the starting clock ${scenario.setting.clock}.`,
    );
  }

  for (const id of endingIds) {
    if (scenario.steps[id]) error('duplicate-id', ['endings', id], `"${id}" is both a step and an ending. Give one of them another id.`);
  }
  duplicates(documentIds).forEach((index) =>
    error('duplicate-id', ['case', 'documents', index, 'id'], `Document id "${documentIds[index]}" is used twice. Each document needs its own id.`),
  );
  const queueIds = (scenario.case.queue ?? []).map((item) => item.id);
  duplicates(queueIds).forEach((index) =>
    error('duplicate-id', ['case', 'queue', index, 'id'], `Queue item id "${queueIds[index]}" is used twice. Each queue item needs its own id.`),
  );

  if (!scenario.steps[scenario.start]) {
    const isEnding = Boolean(scenario.endings[scenario.start]);
    error(
      'unknown-start',
      ['start'],
      isEnding
        ? `"start" names the ending "${scenario.start}"; it must name the first step.`
        : `"start" names "${scenario.start}", which is not a step.${didYouMean(scenario.start, stepIds)}`,
    );
  }

  const revealedSomewhere = new Set<string>();
  for (const [stepId, step] of Object.entries(scenario.steps)) {
    const at = (...rest: Path): Path => ['steps', stepId, ...rest];
    const checkReveal = (path: Path, ids: readonly string[] | undefined) =>
      ids?.forEach((id, index) => {
        revealedSomewhere.add(id);
        reference([...path, index], id, documentIds, 'a document in the case file', 'unknown-document');
      });
    checkReveal(at('reveal'), step.reveal);
    if (scenario.level <= 2 && !step.hint) {
      warning(
        'missing-hint',
        at('prompt'),
        `Step "${stepId}" has no hint. Level ${scenario.level} scenarios give a hint on every step; add "hint:" with a nudge that does not give the answer away.`,
      );
    }

    if (step.kind === 'choose') {
      duplicates(step.options.map((option) => option.id)).forEach((index) =>
        error('duplicate-id', at('options', index, 'id'), `Option id "${step.options[index]?.id}" is used twice in this step.`),
      );
      const best = step.options.filter((option) => option.verdict === 'best');
      if (best.length !== 1) {
        error(
          'best-count',
          at('options'),
          `A choose step needs exactly one option with "verdict: best"; step "${stepId}" has ${best.length === 0 ? 'none' : best.length}.`,
        );
      }
      if (step.options.length < 3)
        warning(
          'few-options',
          at('options'),
          `Step "${stepId}" offers ${step.options.length} option${step.options.length === 1 ? '' : 's'}. Give at least three so the choice is a real one.`,
        );
      step.options.forEach((option, index) => {
        checkBranches(option.next, at('options', index, 'next'), 'choose', [], stepIds, target, error);
        if (option.route) term(at('options', index, 'route'), option.route, lint.taxonomy.routes, 'a route in taxonomy.yaml');
        checkReveal(at('options', index, 'reveal'), option.reveal);
        if (!option.why)
          warning(
            'missing-why',
            at('options', index),
            `Option "${option.id}" has no "why". Add a sentence or two on the senior's reasoning; the trainee reads it in the feedback.`,
          );
      });
    } else {
      const optionIds = step.kind === 'choose-many' ? step.options.map((option) => option.id) : [];
      checkBranches(step.next, at('next'), step.kind, optionIds, stepIds, target, error);
    }
    if (step.kind === 'choose-many') {
      const ids = step.options.map((option) => option.id);
      duplicates(ids).forEach((index) => error('duplicate-id', at('options', index, 'id'), `Option id "${ids[index]}" is used twice in this step.`));
      step.answer.forEach((id, index) => {
        if (!ids.includes(id))
          error('unknown-option', at('answer', index), `The answer names "${id}", which is not an option of this step.${didYouMean(id, ids)}`);
        else if (step.options.find((option) => option.id === id)?.critical)
          error(
            'critical-in-answer',
            at('answer', index),
            `The answer includes "${id}", which is marked critical. The senior's answer cannot contain a critical error.`,
          );
      });
      duplicates(step.answer).forEach((index) => error('duplicate-id', at('answer', index), `The answer names "${step.answer[index]}" twice.`));
      step.options.forEach((option, index) => {
        if (option.route) term(at('options', index, 'route'), option.route, lint.taxonomy.routes, 'a route in taxonomy.yaml');
      });
    }
    if (step.kind === 'rank') {
      const ids = step.items.map((item) => item.id);
      duplicates(ids).forEach((index) => error('duplicate-id', at('items', index, 'id'), `Item id "${ids[index]}" is used twice in this step.`));
      const missing = ids.filter((id) => !step.answer.includes(id));
      const unknown = step.answer.filter((id) => !ids.includes(id));
      const repeated = duplicates(step.answer).map((index) => step.answer[index]);
      if (missing.length || unknown.length || repeated.length) {
        const problems = [
          missing.length ? `leaves out ${listOf(missing, 'and')}` : '',
          unknown.length
            ? `names ${listOf(unknown, 'and')}, not ${unknown.length === 1 ? 'an item' : 'items'} of this step${suggestion(unknown[0] ?? '', ids)}`
            : '',
          repeated.length ? `repeats ${listOf(repeated, 'and')}` : '',
        ].filter(Boolean);
        error('rank-not-permutation', at('answer'), `The rank answer must list every item exactly once; it ${problems.join('; ')}.`);
      }
    }
  }
  scenario.case.documents.forEach((document, index) => {
    if (document.hidden && !revealedSomewhere.has(document.id)) {
      warning(
        'never-revealed',
        ['case', 'documents', index, 'hidden'],
        `Document "${document.id}" is hidden and no step or option reveals it, so no trainee will ever read it. Add it to a "reveal:" list or remove "hidden: true".`,
      );
    }
  });

  // Every check runs in one pass; a finding another error already explains at the same step is left out.
  const errorsAt = (stepId: string) => findings.some((finding) => finding.severity === 'error' && finding.path[0] === 'steps' && finding.path[1] === stepId);
  const reachable = reachableFrom(scenario);
  for (const id of stepIds)
    if (!reachable.has(id) && !meantFor.has(id))
      error('unreachable', ['steps', id], `Step "${id}" cannot be reached from "start". Point an option or branch at it, or remove it.`);
  for (const id of endingIds)
    if (!reachable.has(id) && !meantFor.has(id))
      error('unreachable', ['endings', id], `Ending "${id}" cannot be reached from "start". Point an option or branch at it, or remove it.`);
  const canEnd = stepsThatCanEnd(scenario);
  for (const id of stepIds) {
    if (reachable.has(id) && !canEnd.has(id) && !errorsAt(id))
      error('no-way-out', ['steps', id], `From step "${id}" no ending can be reached: every path from it goes round in a loop. Give it a way to an ending.`);
  }
  if (!findings.some((finding) => finding.code === 'unknown-target')) findings.push(...conditionFindings(scenario, reachable));
  findings.push(...giveawayFindings(scenario));

  const senior = seniorPath(scenario);
  if (senior.problem) {
    const at = senior.problem.at;
    const explained = at
      ? findings.some((finding) => finding.severity === 'error' && at.every((key, index) => finding.path[index] === key))
      : errorsAt(senior.problem.stepId);
    if (!explained) {
      error(
        'senior-path',
        senior.problem.at ?? ['steps', senior.problem.stepId],
        `The senior path stops at step "${senior.problem.stepId}": it ${senior.problem.reason}.`,
      );
    }
  } else if (senior.result !== 'resolved') {
    error(
      'senior-path-result',
      ['endings', senior.ending ?? ''],
      `The senior path ends at "${senior.ending}", whose result is "${senior.result}". Following the best answers must end in a "resolved" ending.`,
    );
  } else if (senior.decisions.length < 3) {
    warning(
      'short-senior-path',
      ['start'],
      `The senior path has ${senior.decisions.length} decision${senior.decisions.length === 1 ? '' : 's'}. Three or more make a scenario worth practising.`,
    );
  }
  return findings;
}

/** Checks a `next` list: targets exist, the plain `goto` comes last, and each condition fits its step. */
function checkBranches(
  branches: readonly Branch[],
  at: Path,
  kind: Step['kind'],
  optionIds: readonly string[],
  stepIds: readonly string[],
  target: (path: Path, id: string) => void,
  error: (code: string, path: Path, message: string) => void,
) {
  const shorthand = branches.length === 1 && !branches[0]?.when;
  branches.forEach((branch, index) => {
    const here: Path = shorthand ? at : [...at, index];
    target(shorthand ? at : [...here, 'goto'], branch.goto);
    const last = index === branches.length - 1;
    if (last && branch.when) error('branch-fallback', here, 'The last branch must be a plain "- goto: ..." with no "when", so every answer leads somewhere.');
    if (!last && !branch.when)
      error('branch-fallback', here, `Branch ${index + 1} has no "when", so the branches after it can never be taken. Put the plain "goto" last.`);
    const when = branch.when;
    if (!when) return;
    if ((when.scoreAtLeast !== undefined || when.scoreBelow !== undefined) && kind === 'write') {
      error(
        'write-score-branch',
        [...here, 'when'],
        'A write step cannot branch on its score: a senior grades it later. Branch on "visited", "sentimentBelow" or "minutesAtLeast" instead, or use a plain "goto".',
      );
    }
    if (when.chose !== undefined) {
      if (kind !== 'choose-many')
        error('chose-on-wrong-kind', [...here, 'when', 'chose'], '"chose" only works on a choose-many step; on a choose step each option has its own "next".');
      else if (!optionIds.includes(when.chose))
        error('unknown-option', [...here, 'when', 'chose'], `"${when.chose}" is not an option of this step.${didYouMean(when.chose, optionIds)}`);
    }
    if (when.visited !== undefined && !stepIds.includes(when.visited)) {
      error('unknown-target', [...here, 'when', 'visited'], `"${when.visited}" is not a step of this scenario.${didYouMean(when.visited, stepIds)}`);
    }
  });
}

/** Indexes of the entries that repeat an earlier one. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => (seen.has(value) ? [index] : (seen.add(value), [])));
}
