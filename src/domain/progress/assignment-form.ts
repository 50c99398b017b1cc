import { z } from 'zod';

/** The most scenarios one learning path may hold. */
export const MAX_PATH = 6;

const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** A lead's new assignment as the form sends it; the messages are shown beside the fields. */
export const assignmentFormSchema = z.object({
  title: z.string().trim().min(1, 'Give the assignment a title the trainees will recognise.').max(80, 'Keep the title under 80 characters.'),
  /** Empty: the whole team. */
  assignee: z.string().trim().max(40),
  scenarioIds: z
    .array(z.string().regex(/^[a-z0-9-]{1,80}$/, 'Pick scenarios from the lists.'))
    .min(1, 'Pick at least one scenario.')
    .max(MAX_PATH, `A path holds at most ${MAX_PATH} scenarios.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each scenario can appear once in a path.'),
  due: z.string().refine(isDate, 'Pick a due date.'),
  rule: z.enum(['pass', 'finish'], { message: 'Pick when a scenario counts as done.' }).default('pass'),
});
export type AssignmentForm = z.output<typeof assignmentFormSchema>;
export type AssignmentField = 'title' | 'assignee' | 'scenarioIds' | 'due' | 'rule';

/** Reads the form: path steps `step1`..`step6` in order, blanks skipped. */
export function readAssignmentForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    title: text('title'),
    assignee: text('assignee'),
    scenarioIds: Array.from({ length: MAX_PATH }, (_, index) => text(`step${index + 1}`).trim()).filter(Boolean),
    due: text('due'),
    rule: text('rule') || 'pass',
  };
}

/** Field messages for a form that did not validate (the first per field). */
export function formErrors(error: z.ZodError): Partial<Record<AssignmentField, string>> {
  const errors: Partial<Record<AssignmentField, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'title') as AssignmentField;
    errors[field] ??= issue.message;
  }
  return errors;
}
