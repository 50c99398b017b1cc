import { diff3Merge } from 'node-diff3';

/** A three-way merge of two edits of one text, line by line. */
export interface MergedText {
  text: string;
  /** Places both sides changed differently, each written out between conflict markers for the author to settle. */
  conflicts: number;
}

/** How the two sides are named in the conflict markers. */
export interface MergeLabels {
  mine: string;
  theirs: string;
}

const split = (text: string) => text.split('\n');

/**
 * Merges `mine` and `theirs`, both edited from `base`: a line only one side changed takes that change;
 * where both changed the same lines differently, both versions are kept between git-style markers
 * (`<<<<<<<`, `=======`, `>>>>>>>`), which the scenario check then reports as errors until the author chooses.
 */
export function mergeThreeWay(base: string, theirs: string, mine: string, labels: MergeLabels = { mine: 'yours', theirs: 'theirs' }): MergedText {
  const lines: string[] = [];
  let conflicts = 0;
  for (const region of diff3Merge(split(mine), split(base), split(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) lines.push(...region.ok);
    else if (region.conflict) {
      conflicts++;
      lines.push(`<<<<<<< ${labels.mine}`, ...region.conflict.a, '=======', ...region.conflict.b, `>>>>>>> ${labels.theirs}`);
    }
  }
  return { text: lines.join('\n'), conflicts };
}
