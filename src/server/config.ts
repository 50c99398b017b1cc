import { isIP } from 'node:net';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((value) => ['1', 'true', 'yes'].includes(value));

/** Settings read from the environment at start; a bad value stops the start with what to write instead. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1, 'PORT must be a port number from 1 to 65535.').max(65535, 'PORT must be a port number from 1 to 65535.').default(4321),
  HOST: z.string().min(1).default('127.0.0.1'),
  DESK_DATA_DIR: z.string().min(1).default('data'),
  DESK_DEMO: flag.default(true),
  DESK_SCENARIOS_DIR: z.string().min(1).default('scenarios'),
  DESK_PLAYBOOKS_DIR: z.string().min(1).default('content/playbooks'),
  DESK_READINESS_FILE: z.string().min(1).default('content/readiness.yaml'),
  /** Names trainees and scenarios in xAPI statements (exports and the LRS): the desk's public address. */
  DESK_PUBLIC_URL: z.url({ message: 'DESK_PUBLIC_URL must be a full URL such as https://desk.example.com/' }).default('http://exception-desk.localhost/'),
  /** The proxies whose X-Forwarded-For names the client (for the login throttle); unset, the peer's own address counts. */
  DESK_TRUSTED_PROXY: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length > 0 && list.every((address) => isIP(address) !== 0), {
      message: 'DESK_TRUSTED_PROXY must list the IP addresses of the proxies in front, separated by commas, such as 127.0.0.1 or 10.0.0.5,::1',
    })
    .default([]),
  /** Repeatable writes of each kind (case starts, comments, grades, assignments, sign-offs) one account may make per minute. */
  DESK_WRITE_LIMIT: z.coerce
    .number()
    .int('DESK_WRITE_LIMIT must be a whole number of writes per minute, such as 20.')
    .min(1, 'DESK_WRITE_LIMIT must be at least 1 (writes per minute per account).')
    .max(1_000_000, 'DESK_WRITE_LIMIT must be at most 1000000.')
    .default(20),
  /** Whether publishing a draft needs a second senior's approval (`required`) or the author may publish alone (`self`, recorded as such). */
  DESK_PUBLISH_REVIEW: z
    .enum(['required', 'self'], {
      message: 'DESK_PUBLISH_REVIEW must be required (a second senior approves each publish) or self (authors publish their own drafts).',
    })
    .default('required'),
  DESK_LRS_ENDPOINT: z.url({ message: 'DESK_LRS_ENDPOINT must be a full URL such as https://lrs.example.com/xapi/' }).optional(),
  DESK_LRS_KEY: z.string().optional(),
  DESK_LRS_SECRET: z.string().optional(),
});
export type DeskConfig = z.output<typeof configSchema>;

/** Reads and validates the configuration; throws one message listing every problem. */
export function readConfig(env: Record<string, string | undefined> = process.env): DeskConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const words = issue.code === 'invalid_value' ? `must be one of ${issue.values.join(', ')}` : issue.message;
    return `  ${name}=${JSON.stringify(env[name])}: ${words}`;
  });
  throw new Error(`Cannot start: the configuration has ${lines.length === 1 ? 'a problem' : 'problems'}:\n${lines.join('\n')}`);
}
