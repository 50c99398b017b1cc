// How large a scenario text the editor may send; its own module, so the editor island loads no zod.

/** The largest scenario text the editor sends (the live check, a draft save): 256 KB, far above any real scenario. */
export const MAX_SOURCE_BYTES = 256 * 1024;

/** A body carrying one such text as JSON: escaping can at most double it; the rest is a few short fields. */
export const MAX_SOURCE_BODY_BYTES = 2 * MAX_SOURCE_BYTES + 4 * 1024;

/** The size of a text in UTF-8 bytes, as the server counts it (no Node Buffer, so the island can use it). */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;
