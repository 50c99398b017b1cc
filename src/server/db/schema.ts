import { z } from 'zod';
import { answerSchema } from '../../domain/engine/answer.ts';
import { roleSchema } from '../../domain/people/roles.ts';

const isoTime = z.string().min(10);

export const userSchema = z.object({
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  team: z.string().optional(),
  passwordHash: z.string(),
  disabled: z.boolean().default(false),
  createdAt: isoTime,
  /** When the user last opened their notifications: what came after is unread. */
  notificationsSeenAt: isoTime.optional(),
});
export type User = z.output<typeof userSchema>;

export const teamSchema = z.object({ id: z.string(), name: z.string() });
export type Team = z.output<typeof teamSchema>;

export const assignmentSchema = z.object({
  id: z.string(),
  team: z.string(),
  /** Undefined: the whole team. */
  assignee: z.string().optional(),
  title: z.string(),
  /** An ordered learning path; one entry for a single scenario. */
  scenarioIds: z.array(z.string()).min(1),
  due: z.string(),
  createdBy: z.string(),
  createdAt: isoTime,
  /** When a scenario counts as done; absent on assignments made before rules existed (then: finished after). */
  rule: z.enum(['pass', 'finish']).optional(),
});
export type Assignment = z.output<typeof assignmentSchema>;

export const signOffSchema = z.object({
  trainee: z.string(),
  category: z.string(),
  by: z.string(),
  note: z.string(),
  at: isoTime,
});
export type SignOff = z.output<typeof signOffSchema>;

/** The small shared file: accounts, teams, assignments, sign-offs. */
export const accountsFileSchema = z.object({
  version: z.literal(1),
  users: z.array(userSchema),
  teams: z.array(teamSchema),
  assignments: z.array(assignmentSchema).default([]),
  signOffs: z.array(signOffSchema).default([]),
});
export type AccountsFile = z.output<typeof accountsFileSchema>;

export const sessionSchema = z.object({
  /** SHA-256 of the cookie's token: a stolen file does not hand out live sessions. */
  tokenHash: z.string(),
  username: z.string(),
  createdAt: isoTime,
  expiresAt: isoTime,
});
export type Session = z.output<typeof sessionSchema>;
export const sessionsFileSchema = z.object({ version: z.literal(1), sessions: z.array(sessionSchema) });
export type SessionsFile = z.output<typeof sessionsFileSchema>;

export const attemptEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('answer'),
    stepId: z.string(),
    answer: answerSchema,
    at: isoTime,
    /** Real milliseconds the trainee spent on the step before answering. */
    decidedMs: z.number().min(0),
  }),
  z.object({ type: z.literal('hint'), stepId: z.string(), at: isoTime }),
]);
export type AttemptEvent = z.output<typeof attemptEventSchema>;

export const reviewSchema = z.object({
  met: z.array(z.number().int().min(0)),
  comment: z.string(),
  reviewer: z.string(),
  at: isoTime,
});
export type Review = z.output<typeof reviewSchema>;

export const commentSchema = z.object({
  id: z.string(),
  stepId: z.string(),
  author: z.string(),
  text: z.string(),
  at: isoTime,
});
export type DecisionComment = z.output<typeof commentSchema>;

/** One attempt, in a file of its own: the write cost of an answer stays flat as history grows. */
export const attemptFileSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  username: z.string(),
  scenarioId: z.string(),
  /** The pinned scenario revision (hash of its file) the attempt runs on. */
  revision: z.string(),
  mode: z.enum(['practice', 'assessment']),
  /** The case variant drawn at start, pinned with the revision; absent on attempts stored before variants: `standard`. */
  variant: z.string().optional(),
  startedAt: isoTime,
  /** When the step now showing was first shown: the start of the trainee's thinking time. */
  stepShownAt: isoTime,
  finishedAt: isoTime.optional(),
  /** Set (with `finishedAt`) when the trainee gave the attempt up: final, and counted as not passed. */
  abandonedAt: isoTime.optional(),
  events: z.array(attemptEventSchema),
  reviews: z.record(z.string(), reviewSchema).default({}),
  comments: z.array(commentSchema).default([]),
  /** Set when a review or comment lands that the trainee has not seen yet. */
  unseenFeedback: z.boolean().default(false),
  /** Written answers being drafted, by step id: kept on the server so a reload or another device resumes them. */
  drafts: z.record(z.string(), z.string()).optional(),
});
export type AttemptFile = z.output<typeof attemptFileSchema>;

/** Where a draft stands: being written, waiting for a second senior, or sent back with comments. */
export const draftStatusSchema = z.enum(['editing', 'in-review', 'changes-requested']);
export type DraftStatus = z.output<typeof draftStatusSchema>;

/** The one draft of a scenario: its text is a pinned revision (store.revisions), never a file in scenarios/. */
export const draftSchema = z.object({
  scenarioId: z.string(),
  /** The revision (hash) of the draft's text, pinned in the revisions store. */
  revision: z.string(),
  /** +1 on every save: a save naming an older version is a conflict. */
  version: z.number().int().min(1),
  status: draftStatusSchema,
  /** The revision of the file on disk when the draft started; absent for a scenario never published. */
  baseRevision: z.string().optional(),
  createdBy: z.string(),
  createdAt: isoTime,
  updatedBy: z.string(),
  updatedAt: isoTime,
  /** Who submitted it for review, and when (set while in review or sent back). */
  submittedBy: z.string().optional(),
  submittedAt: isoTime.optional(),
  /** The reviewer's comment when changes were requested. */
  reviewComment: z.string().optional(),
  reviewedBy: z.string().optional(),
});
export type Draft = z.output<typeof draftSchema>;

/** What a history entry records. */
export const historyKindSchema = z.enum(['draft', 'upload', 'restore', 'submit', 'changes-requested', 'publish', 'file', 'withdraw', 'reinstate', 'discard']);
export type HistoryKind = z.output<typeof historyKindSchema>;

/** One line of a scenario's history: who did what, when, and the revision it concerns. */
export const historyEntrySchema = z.object({
  /** Unique across the store; ordered by `seq` within a scenario. */
  seq: z.number().int().min(1),
  scenarioId: z.string(),
  kind: historyKindSchema,
  /** The revision saved, published or found on disk; absent for withdraw and reinstate. */
  revision: z.string().optional(),
  by: z.string(),
  at: isoTime,
  message: z.string(),
  /** On a publish: the second senior who approved it, or `selfPublished` when the setting let the author publish alone. */
  approvedBy: z.string().optional(),
  selfPublished: z.boolean().optional(),
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;
/** A history entry before the store gives it its place. */
export type NewHistoryEntry = Omit<HistoryEntry, 'seq'>;

/** Drafts, history and withdrawn scenarios: one small document (texts live in the revisions store). */
export const authoringFileSchema = z.object({
  version: z.literal(1),
  drafts: z.array(draftSchema).default([]),
  history: z.array(historyEntrySchema).default([]),
  withdrawn: z.array(z.string()).default([]),
});
export type AuthoringFile = z.output<typeof authoringFileSchema>;
