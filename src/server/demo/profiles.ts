/** How a demo trainee tends to answer: the story the seeded team page tells. */
export interface TraineeProfile {
  username: string;
  name: string;
  /** Chance of taking the senior's answer at a step, before practice improves it. */
  skill: number;
  /** How much skill grows per week of practice. */
  growth: number;
  /** Chance, on a routing step answered wrongly, of sending it to a senior instead. */
  overEscalates: number;
  /** Attempts per week. */
  pace: number;
  /** Weeks since the trainee started (history length). */
  weeks: number;
  /** Share of written answers a senior has already reviewed. */
  reviewed: number;
  story: string;
}

export const DEMO_TEAM = { id: 'order-desk', name: 'Order Desk' } as const;
export const DEMO_PASSWORD = 'practice-desk';

export const DEMO_STAFF = [
  { username: 'lena', name: 'Lena Park', role: 'lead' },
  { username: 'sam', name: 'Sam Okafor', role: 'senior' },
] as const;

export const DEMO_TRAINEES: TraineeProfile[] = [
  { username: 'ava', name: 'Ava Lindqvist', skill: 0.82, growth: 0.03, overEscalates: 0.1, pace: 7, weeks: 6, reviewed: 1, story: 'ready for the live queue' },
  { username: 'ben', name: 'Ben Adeyemi', skill: 0.72, growth: 0.03, overEscalates: 0.2, pace: 5, weeks: 5, reviewed: 1, story: 'close: one category short' },
  { username: 'chloe', name: 'Chloe Martin', skill: 0.6, growth: 0.02, overEscalates: 0.85, pace: 5, weeks: 5, reviewed: 0.7, story: 'struggles with routing: sends too much to a senior' },
  { username: 'dev', name: 'Dev Raman', skill: 0.62, growth: 0.02, overEscalates: 0.3, pace: 2, weeks: 4, reviewed: 0.5, story: 'behind, with an overdue assignment' },
  { username: 'emma', name: 'Emma Novak', skill: 0.55, growth: 0.05, overEscalates: 0.3, pace: 4, weeks: 1, reviewed: 0, story: 'new this week' },
  { username: 'farid', name: 'Farid Haddad', skill: 0.68, growth: 0.025, overEscalates: 0.4, pace: 4, weeks: 4, reviewed: 0.6, story: 'steady progress' },
];
