// Demo written answers in a trainee's own voice: drafted from the model answer, never pasted from it.

/** What the drafts draw on: a number from 0 (inclusive) to 1 and a pick from a list. */
export interface DraftRandom {
  next(): number;
  pick<T>(items: readonly T[]): T;
}

const OPENERS = ['Hi,', 'Hello,', 'Hi there,', 'Quick update:', 'Hi all,'];
const CLOSERS = ['Thanks.', 'Let me know if you need anything else.', "I'll update you as soon as I hear back.", 'Thanks for your patience.', ''];
const VAGUE = [
  'We are looking into it and will get back to you soon.',
  'I have passed this to the right team.',
  'It should be sorted shortly.',
  'Sorry for the trouble with this one.',
];
const CONTRACTIONS: [RegExp, string][] = [
  [/\bdo not\b/g, "don't"],
  [/\bcannot\b/g, "can't"],
  [/\bwill not\b/g, "won't"],
  [/\bI will\b/g, "I'll"],
  [/\bwe will\b/gi, "we'll"],
  [/\bit is\b/g, "it's"],
  [/\bwe are\b/gi, "we're"],
  [/\bI am\b/g, "I'm"],
];

/** The model answer as plain sentences: markdown marks, list bullets and headings taken out. */
export function plainSentences(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)
    .map((paragraph) =>
      paragraph
        .replace(/\*\*|__|`/g, '')
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
        .replace(/^#+\s*/gm, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .flatMap((paragraph) => paragraph.match(/[^.!?]+[.!?]+(?=\s|$)|[^.!?]+$/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/**
 * A written answer of the given quality (0 to 1): a strong one keeps most of the model's points in the
 * trainee's own looser words; a weak one keeps one point, or none, and pads with vague reassurance.
 */
export function traineeDraft(model: string, quality: number, random: DraftRandom): string {
  const sentences = plainSentences(model).filter((sentence) => !/^(dear|hi|hello|subject:|regards|thanks|best)\b/i.test(sentence));
  const keep = Math.max(quality < 0.3 ? 0 : 1, Math.round(sentences.length * Math.min(1, Math.max(0, quality)) * (0.7 + random.next() * 0.3)));
  const kept = sentences.filter((_, index) => index < keep || random.next() < quality * 0.15).slice(0, Math.max(keep, 1));
  const body = (quality < 0.3 ? [random.pick(VAGUE), ...kept.slice(0, keep)] : kept).map((sentence) =>
    CONTRACTIONS.reduce((text, [pattern, short]) => text.replace(pattern, short), sentence),
  );
  if (quality < 0.6 && body.length > 1 && random.next() < 0.5) body.push(random.pick(VAGUE));
  return [random.pick(OPENERS), body.join(' '), random.pick(CLOSERS)].filter(Boolean).join('\n\n');
}
