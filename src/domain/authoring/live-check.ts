import { z } from 'zod';
import type { Finding } from '../scenario/finding.ts';

/** The largest scenario text the editor sends (the live check, a draft save): 256 KB, far above any real scenario. */
export const MAX_SOURCE_BYTES = 256 * 1024;

/** A body carrying one such text as JSON: escaping can at most double it; the rest is a few short fields. */
export const MAX_SOURCE_BODY_BYTES = 2 * MAX_SOURCE_BYTES + 4 * 1024;

/** The size of a text in UTF-8 bytes, as the server counts it (no Node Buffer, so the island can use it). */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

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
