import { z } from 'zod';
import type { Finding } from '../scenario/finding.ts';

/** `POST /author/check.json`: the text to check, and which variant and step to map and preview. */
export const liveCheckRequestSchema = z.strictObject({
  text: z.string(),
  /** The scenario id the text is saved under: its `id:` must match, as a file's must match its name. */
  id: z.string().max(100).optional(),
  variant: z.string().max(100).optional(),
  step: z.string().max(100).optional(),
});
export type LiveCheckRequest = z.output<typeof liveCheckRequestSchema>;

/** What the live check answers: the same findings `npm run scenarios:check` prints, and, when the text has no error, the map and a trainee's view of one step. */
export interface LiveCheckResponse {
  findings: Finding[];
  /** Every variant of the scenario (`standard` alone without variants); empty while the text has errors. */
  variants: { id: string; title: string }[];
  /** The variant mapped and previewed. */
  variant?: string;
  /** The step ids of that variant, in the order written. */
  steps: string[];
  /** The step previewed (the one asked for, or the start). */
  step?: string;
  /** Server-rendered HTML of the map and the preview; empty while the text has errors. */
  mapHtml: string;
  previewHtml: string;
}
