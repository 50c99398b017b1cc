import { z } from 'zod';

/** The checklist's rules, by the id the policy file and the reasons use. */
export const RULE_IDS = ['category', 'critical-errors', 'routing', 'written-answers', 'sign-off'] as const;
export const ruleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.output<typeof ruleIdSchema>;

const count = (min: number) => z.int().min(min);
/** Percent as a lead writes it: 85 means 85 %. */
const percent = z.number().min(0).max(100);
const categoryId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'kebab-case' });

/**
 * `content/readiness.yaml`: what a trainee needs before taking the live exception queue. Only
 * assessments count. A rule's section left out of the file is not applied (except categories).
 */
export const readinessPolicySchema = z.strictObject({
  categories: z.strictObject({
    /** Category ids from the taxonomy, each its own checklist line. */
    required: z.array(categoryId).min(1),
    passedAssessments: count(0).default(1),
    lastAssessments: count(1).default(3),
    meanScore: percent.default(80),
  }),
  criticalErrors: z
    .strictObject({
      lastAssessments: count(1).default(5),
      allowed: count(0).default(0),
    })
    .optional(),
  routing: z
    .strictObject({
      lastDecisions: count(1).default(20),
      accuracy: percent.default(85),
    })
    .optional(),
  writtenAnswers: z
    .strictObject({
      allReviewed: z.boolean().default(true),
      rubricShare: percent.default(70),
    })
    .optional(),
  signOff: z.enum(['not-required', 'any-category', 'each-required-category']).default('not-required'),
  close: z
    .strictObject({
      unmetAtMost: count(0).default(2),
      notWhenUnmet: z.array(ruleIdSchema).default(['critical-errors']),
    })
    .default({ unmetAtMost: 2, notWhenUnmet: ['critical-errors'] }),
});
export type ReadinessPolicy = z.output<typeof readinessPolicySchema>;
export type ReadinessPolicyInput = z.input<typeof readinessPolicySchema>;

/** The policy the issue describes, for tests and for a desk whose file is missing nothing. */
export const DEFAULT_POLICY: ReadinessPolicy = readinessPolicySchema.parse({
  categories: { required: ['credit-limit', 'account-hold', 'edi-failure', 'inventory-shortage', 'address-validation', 'returns-credit'] },
  criticalErrors: {},
  routing: {},
  writtenAnswers: {},
});
