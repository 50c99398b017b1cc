import type { ReadinessPolicy } from '../policy.ts';
import type { ChecklistLine, ReadinessContext, SignOffFact } from '../types.ts';

/** Rule: a senior's sign-off, for any category or for each required one; no line when the policy does not ask. */
export function signOffLine(
  policy: Pick<ReadinessPolicy, 'signOff' | 'categories'>,
  signOffs: readonly SignOffFact[],
  context: ReadinessContext,
): ChecklistLine | undefined {
  if (policy.signOff === 'not-required') return undefined;
  const labels = (ids: readonly string[]) => ids.map(context.categoryLabel).join(', ');
  if (policy.signOff === 'any-category') {
    const first = signOffs[0];
    return {
      rule: 'sign-off',
      title: 'Sign-off',
      requirement: "A senior specialist's sign-off",
      met: Boolean(first),
      detail: first
        ? `Signed off by ${first.by} for ${labels([...new Set(signOffs.map((signOff) => signOff.category))])}.`
        : 'No sign-off yet: a senior signs off after watching the trainee work.',
    };
  }
  const signed = new Set(signOffs.map((signOff) => signOff.category));
  const missing = policy.categories.required.filter((category) => !signed.has(category));
  return {
    rule: 'sign-off',
    title: 'Sign-off',
    requirement: "A senior specialist's sign-off in every required category",
    met: missing.length === 0,
    detail: missing.length === 0 ? 'Signed off in every required category.' : `Not signed off yet for ${labels(missing)}.`,
  };
}
