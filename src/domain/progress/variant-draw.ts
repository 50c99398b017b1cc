import { seededShuffle } from '../shuffle.ts';
import { STANDARD_VARIANT } from '../scenario/variants.ts';

/** The variant an attempt plays: stored attempts from before variants have none and mean `standard`. */
export const variantOf = (attempt: { variant?: string }): string => attempt.variant ?? STANDARD_VARIANT;

/**
 * Draws the variant a new attempt plays. An assessment takes one the trainee has not seen yet, in
 * practice or in an assessment, while one is left; practice (and an assessment once all are seen)
 * takes one of the least-seen. Ties are broken by the seed, so the draw is repeatable for one attempt.
 */
export function drawVariant(variantIds: readonly string[], seen: readonly { variant?: string }[], mode: 'practice' | 'assessment', seed: string): string {
  if (variantIds.length === 0) return STANDARD_VARIANT;
  const counts = new Map(variantIds.map((id) => [id, 0]));
  for (const attempt of seen) {
    const id = variantOf(attempt);
    if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const unseen = variantIds.filter((id) => counts.get(id) === 0);
  const fewest = Math.min(...counts.values());
  const candidates = mode === 'assessment' && unseen.length ? unseen : variantIds.filter((id) => counts.get(id) === fewest);
  // Sorted first, so the draw does not depend on the order the author wrote the variants in.
  return seededShuffle([...candidates].sort(), seed)[0] ?? STANDARD_VARIANT;
}
