import { z } from 'zod';

/** Ids authors write for steps, endings, options and documents: lowercase words joined by hyphens. */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'kebab-case' });

/** A display value an author may write as text or a number (a PO number, an account). */
const displaySchema = z.union([z.string(), z.number()]).transform(String);
const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/** `2026-03-30T13:55`: a local date-time with no zone, as the ERP screens show it. */
export const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'date-time' });
const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, { message: 'date' });

export const effectSchema = z.strictObject({
  minutes: z.number().min(0).default(0),
  sentiment: z.number().min(-100).max(100).default(0),
  dollars: z.number().min(0).default(0),
});
export type Effect = z.output<typeof effectSchema>;
export const noEffect: Effect = { minutes: 0, sentiment: 0, dollars: 0 };

export const verdictSchema = z.enum(['best', 'good', 'weak', 'wrong', 'critical']);
export type Verdict = z.output<typeof verdictSchema>;

export const endingResultSchema = z.enum(['resolved', 'partial', 'failed']);
export type EndingResult = z.output<typeof endingResultSchema>;

/** All conditions given in one `when` must hold. */
export const whenSchema = z.strictObject({
  scoreAtLeast: z.number().min(0).max(1).optional(),
  scoreBelow: z.number().min(0).max(1).optional(),
  chose: idSchema.optional(),
  sentimentBelow: z.number().optional(),
  sentimentAtLeast: z.number().optional(),
  minutesAtLeast: z.number().min(0).optional(),
  visited: idSchema.optional(),
});
export type When = z.output<typeof whenSchema>;

export const branchSchema = z.strictObject({ when: whenSchema.optional(), goto: idSchema });
export type Branch = z.output<typeof branchSchema>;

/** `next: some-step` is shorthand for a single unconditional branch. */
export const nextSchema = z.union([idSchema, z.array(branchSchema).min(1)]).transform((next): Branch[] => (typeof next === 'string' ? [{ goto: next }] : next));

const stepBase = {
  prompt: z.string().min(1),
  hint: z.string().min(1).optional(),
  reveal: z.array(idSchema).optional(),
};

export const chooseOptionSchema = z.strictObject({
  id: idSchema,
  text: z.string().min(1),
  route: idSchema.optional(),
  verdict: verdictSchema,
  why: z.string().min(1).optional(),
  effect: effectSchema.default(noEffect),
  reveal: z.array(idSchema).optional(),
  next: nextSchema,
});
export type ChooseOption = z.output<typeof chooseOptionSchema>;

export const chooseStepSchema = z.strictObject({
  kind: z.literal('choose'),
  ...stepBase,
  options: z.array(chooseOptionSchema).min(1),
});

export const manyOptionSchema = z.strictObject({
  id: idSchema,
  text: z.string().min(1),
  route: idSchema.optional(),
  critical: z.boolean().default(false),
  why: z.string().min(1).optional(),
});
export type ManyOption = z.output<typeof manyOptionSchema>;

export const chooseManyStepSchema = z.strictObject({
  kind: z.literal('choose-many'),
  ...stepBase,
  options: z.array(manyOptionSchema).min(1),
  answer: z.array(idSchema),
  why: z.string().min(1).optional(),
  effect: effectSchema.default(noEffect),
  next: nextSchema,
});

export const rankItemSchema = z.strictObject({ id: idSchema, text: z.string().min(1) });
export type RankItem = z.output<typeof rankItemSchema>;

export const rankStepSchema = z.strictObject({
  kind: z.literal('rank'),
  ...stepBase,
  items: z.array(rankItemSchema).min(2),
  answer: z.array(idSchema),
  why: z.string().min(1).optional(),
  effect: effectSchema.default(noEffect),
  next: nextSchema,
});

export const writeStepSchema = z.strictObject({
  kind: z.literal('write'),
  ...stepBase,
  rubric: z.array(z.string().min(1)).min(1),
  model: z.string().min(1),
  why: z.string().min(1).optional(),
  effect: effectSchema.default(noEffect),
  next: nextSchema,
});

export const stepSchema = z.discriminatedUnion('kind', [chooseStepSchema, chooseManyStepSchema, rankStepSchema, writeStepSchema]);
export type Step = z.output<typeof stepSchema>;
export type StepKind = Step['kind'];
export type ChooseStep = z.output<typeof chooseStepSchema>;
export type ChooseManyStep = z.output<typeof chooseManyStepSchema>;
export type RankStep = z.output<typeof rankStepSchema>;
export type WriteStep = z.output<typeof writeStepSchema>;

export const endingSchema = z.strictObject({
  result: endingResultSchema,
  title: z.string().min(1).optional(),
  text: z.string().min(1),
  /** What the ending itself costs, scored like a decision's effect. */
  effect: effectSchema.optional(),
});
export type Ending = z.output<typeof endingSchema>;

export const documentSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['email', 'note', 'log', 'call']),
  from: z.string().min(1),
  subject: z.string().optional(),
  sent: localDateSchema.optional(),
  hidden: z.boolean().default(false),
  body: z.string().min(1),
});
export type CaseDocument = z.output<typeof documentSchema>;

export const orderSchema = z
  .object({
    number: displaySchema,
    po: displaySchema.optional(),
    channel: z.string().optional(),
    total: z.number().optional(),
    currency: z.string().default('USD'),
    terms: z.string().optional(),
    requestedShip: displaySchema.optional(),
  })
  .catchall(scalarSchema);

export const customerSchema = z
  .object({
    name: z.string().min(1),
    account: displaySchema.optional(),
    tier: z.string().optional(),
    creditLimit: z.number().optional(),
    exposure: z.number().optional(),
    accountManager: z.string().optional(),
  })
  .catchall(scalarSchema);

export const lineSchema = z.strictObject({
  /** The ERP line number (10, 20, ...); variants overlay lines by it. */
  line: z.number().int().positive().optional(),
  sku: displaySchema,
  description: z.string().min(1),
  qty: z.number(),
  uom: z.string().min(1),
  price: z.number(),
  available: z.number().optional(),
  status: z.string().optional(),
  note: z.string().optional(),
});

export const holdSchema = z.strictObject({
  code: z.string().min(1),
  source: z.string().min(1),
  raised: localDateSchema,
  message: z.string().min(1),
  level: z.enum(['header', 'line']).optional(),
});

/** One item in an exception queue: the case file of a triage scenario lists the queue as the desk's screen shows it. */
export const queueItemSchema = z.strictObject({
  /** Unique in the queue; variants overlay items by it. */
  id: idSchema,
  /** What the desk calls the item (`T1`, `EXC-4471`); the id when left out. */
  ref: displaySchema.optional(),
  order: displaySchema,
  customer: z.string().min(1),
  account: displaySchema.optional(),
  tier: z.string().optional(),
  received: localDateSchema,
  code: z.string().min(1),
  status: z.string().optional(),
  value: z.number().optional(),
  currency: z.string().optional(),
  due: localDateSchema.optional(),
  summary: z.string().min(1),
  note: z.string().optional(),
});
export type QueueItem = z.output<typeof queueItemSchema>;

/** The message for a case file with neither its order header nor a queue. */
const NEEDS_ORDER = (key: 'order' | 'customer') =>
  `is missing. A case file needs "${key}:" (the order header and the customer), or a "queue:" with one entry per item when the case is a whole queue.`;

export const caseSchema = z
  .strictObject({
    /** Required unless the case is a queue (`queue`). */
    order: orderSchema.optional(),
    /** Required unless the case is a queue (`queue`). */
    customer: customerSchema.optional(),
    queue: z.array(queueItemSchema).min(1).optional(),
    // A line written without its number is numbered 10, 20, 30 by position, as variants match lines.
    lines: z
      .array(lineSchema)
      .transform((lines) => lines.map((line, index) => ({ ...line, line: line.line ?? (index + 1) * 10 })))
      .default([]),
    holds: z.array(holdSchema).default([]),
    documents: z.array(documentSchema).default([]),
  })
  .superRefine((file, context) => {
    if (file.queue) return;
    for (const key of ['order', 'customer'] as const) {
      if (!file[key]) context.addIssue({ code: 'custom', path: [key], message: NEEDS_ORDER(key) });
    }
  });
export type CaseFile = z.output<typeof caseSchema>;

export const scoringSchema = z.strictObject({
  weights: z
    .strictObject({
      decisions: z.number().min(0),
      time: z.number().min(0),
      sentiment: z.number().min(0),
      dollars: z.number().min(0),
    })
    .optional(),
  passMark: z.number().min(0).max(100).optional(),
});

/** A name a `{{placeholder}}` can use: a letter, then letters, digits, `_` or `-`. */
export const valueNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { message: 'value-name' });
/** Named case values that `{{placeholders}}` in any text are filled from. */
export const valuesSchema = z.record(valueNameSchema, z.union([z.string(), z.number()]));
export type CaseValues = z.output<typeof valuesSchema>;

/** An overlay part as the author wrote it; it is checked after it is applied, as part of the whole scenario. */
const overlayMapSchema = z.record(z.string(), z.unknown());

/** One named variant: the base scenario with this overlay applied and these values filled in. */
export const variantSchema = z.strictObject({
  id: idSchema,
  /** For authors, reviewers and leads; never shown to trainees. */
  title: z.string().min(1),
  values: valuesSchema.optional(),
  setting: overlayMapSchema.optional(),
  case: overlayMapSchema.optional(),
  steps: z.record(idSchema, overlayMapSchema).optional(),
  endings: z.record(idSchema, overlayMapSchema).optional(),
});
export type VariantOverlay = z.output<typeof variantSchema>;

/** The file-level parts that declare variants; the rest of the file is checked once per variant. */
export const variantsPartSchema = z.object({
  values: valuesSchema.optional(),
  variants: z.array(variantSchema).min(1).optional(),
});

export const scenarioSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
  category: idSchema,
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  competencies: z.array(idSchema).default([]),
  playbooks: z.array(idSchema).default([]),
  estimatedMinutes: z.number().int().min(1).max(240),
  author: z.string().optional(),
  setting: z.strictObject({
    clock: localDateTimeSchema,
    deadline: localDateTimeSchema.optional(),
    sentiment: z.number().min(0).max(100),
  }),
  case: caseSchema,
  start: idSchema,
  steps: z.record(idSchema, stepSchema),
  endings: z.record(idSchema, endingSchema),
  scoring: scoringSchema.optional(),
  /** The values this scenario's placeholders were filled from (a variant's own over the base). */
  values: valuesSchema.default({}),
});
/** What an author writes (shorthands allowed), without its `variants`. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** A file's variants with the raw base they overlay, so any variant can be resolved again. */
export interface VariantSource {
  /** The file's data as written, without `variants`. */
  base: Readonly<Record<string, unknown>>;
  variants: readonly VariantOverlay[];
}

/** What the engine works with (shorthands expanded, defaults filled, one variant resolved). */
export type Scenario = z.output<typeof scenarioSchema> & {
  /** The variant this is; absent means `standard` (a file without variants). */
  variant?: string;
  /** Present when the file declares variants. */
  variantSource?: VariantSource;
};

/** The vocabulary every scenario refers to: categories, routes and competencies. */
const termSchema = z.strictObject({ id: idSchema, label: z.string().min(1), description: z.string().min(1) });
export const taxonomySchema = z.strictObject({
  categories: z.array(termSchema).min(1),
  routes: z.array(termSchema).min(1),
  competencies: z.array(termSchema).min(1),
});
export type Taxonomy = z.output<typeof taxonomySchema>;
export type Term = z.output<typeof termSchema>;
