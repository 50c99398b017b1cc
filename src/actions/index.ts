import { attempt } from './attempt.ts';

export const server = { attempt };
