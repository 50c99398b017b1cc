/** How a demo trainee tends to answer: the story the seeded team page tells. */
export interface TraineeProfile {
  username: string;
  name: string;
  /** Chance of taking the senior's answer at a step, before practice improves it. */
  skill: number;
  /** How much skill grows per week of practice. */
  growth: number;
  /** Chance of sending a routing step where the senior would. */
  routing: number;
  /** Chance, on a routing step answered wrongly, of sending it to a senior instead. */
  overEscalates: number;
  /** Chance that a miss is a near miss (a good answer rather than the best). */
  nearMiss: number;
  /** Chance that a real miss may be a critical one. */
  slips: number;
  /** Share of attempts spent on the readiness policy's required categories. */
  focus: number;
  /** Categories the trainee has not got to yet. */
  notReached: string[];
  /** Attempts per week. */
  pace: number;
  /** Weeks since the trainee started (history length). */
  weeks: number;
  /** Share of written answers a senior has already reviewed. */
  reviewed: number;
  /** Ends with assessments in the required categories reached but not met yet (the "ready" and "close" stories). */
  closesOut?: boolean;
  story: string;
}

export const DEMO_TEAM = { id: 'order-desk', name: 'Order Desk' } as const;
export const DEMO_PASSWORD = 'practice-desk';

export const DEMO_STAFF = [
  { username: 'lena', name: 'Lena Park', role: 'lead' },
  { username: 'sam', name: 'Sam Okafor', role: 'senior' },
  // A second senior, so a draft one writes the other can review.
  { username: 'rosa', name: 'Rosa Marquez', role: 'senior' },
] as const;

export const DEMO_TRAINEES: TraineeProfile[] = [
  {
    username: 'ava',
    name: 'Ava Lindqvist',
    skill: 0.6,
    growth: 0.025,
    routing: 0.93,
    overEscalates: 0.1,
    nearMiss: 0.85,
    slips: 0.02,
    focus: 0.65,
    notReached: [],
    pace: 7,
    weeks: 6,
    reviewed: 1,
    closesOut: true,
    story: 'ready for the live queue',
  },
  {
    username: 'ben',
    name: 'Ben Adeyemi',
    skill: 0.62,
    growth: 0.025,
    routing: 0.93,
    overEscalates: 0.2,
    nearMiss: 0.8,
    slips: 0.03,
    focus: 0.6,
    notReached: ['address-validation'],
    pace: 5,
    weeks: 5,
    reviewed: 1,
    closesOut: true,
    story: 'close: one category short',
  },
  {
    username: 'chloe',
    name: 'Chloe Martin',
    skill: 0.62,
    growth: 0.02,
    routing: 0.64,
    overEscalates: 0.95,
    nearMiss: 0.6,
    slips: 0.05,
    focus: 0.6,
    notReached: [],
    pace: 5,
    weeks: 5,
    reviewed: 0.7,
    story: 'struggles with routing: sends too much to a senior',
  },
  {
    username: 'dev',
    name: 'Dev Raman',
    skill: 0.58,
    growth: 0.02,
    routing: 0.75,
    overEscalates: 0.3,
    nearMiss: 0.6,
    slips: 0.1,
    focus: 0.5,
    notReached: [],
    pace: 2,
    weeks: 4,
    reviewed: 0.5,
    story: 'behind, with an overdue assignment',
  },
  {
    username: 'emma',
    name: 'Emma Novak',
    skill: 0.55,
    growth: 0.05,
    routing: 0.7,
    overEscalates: 0.3,
    nearMiss: 0.6,
    slips: 0.08,
    focus: 0.5,
    notReached: [],
    pace: 4,
    weeks: 1,
    reviewed: 0,
    story: 'new this week',
  },
  {
    username: 'farid',
    name: 'Farid Haddad',
    skill: 0.62,
    growth: 0.025,
    routing: 0.8,
    overEscalates: 0.4,
    nearMiss: 0.7,
    slips: 0.05,
    focus: 0.5,
    notReached: ['returns-credit'],
    pace: 4,
    weeks: 4,
    reviewed: 0.6,
    story: 'steady progress',
  },
  {
    username: 'gia',
    name: 'Gia Moretti',
    skill: 0.55,
    growth: 0.05,
    routing: 0.7,
    overEscalates: 0.3,
    nearMiss: 0.6,
    slips: 0.08,
    focus: 0.5,
    notReached: [],
    pace: 0,
    weeks: 0,
    reviewed: 0,
    story: 'joined today: nothing worked yet',
  },
];
