/** The three scenario levels, each with the words trainees and authors see for it. */
export const LEVELS = [
  { level: 1, words: 'Foundation' },
  { level: 2, words: 'Practitioner' },
  { level: 3, words: 'Senior desk' },
] as const;
