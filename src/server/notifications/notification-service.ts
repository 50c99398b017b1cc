import path from 'node:path';
import type { Desk } from '../desk.ts';
import type { AttemptFile, User } from '../db/schema.ts';
import { assignmentsFor } from '../../domain/progress/assignments.ts';
import { buildFeed, unreadCount, type FeedFacts, type Notification } from '../../domain/notifications/feed.ts';

/** Roles told of things in the product: trainees of their feedback, seniors of work to review and replies. */
export const hasNotifications = (user: User): boolean => user.role === 'trainee' || user.role === 'senior';

/** A comment thread on one step of an attempt, in order. */
const threads = (attempt: AttemptFile) => {
  const byStep = new Map<string, AttemptFile['comments']>();
  for (const comment of attempt.comments) byStep.set(comment.stepId, [...(byStep.get(comment.stepId) ?? []), comment]);
  return byStep;
};

/** The facts of a user's feed, gathered from the attempts, assignments and sign-offs they may see. */
function feedFacts(desk: Desk, user: User): FeedFacts {
  const name = (username: string) => desk.accounts.find(username)?.name ?? username;
  const title = (scenarioId: string) => desk.catalog.get(scenarioId)?.scenario.title ?? scenarioId;
  const category = desk.catalog.labels.category;
  const facts: FeedFacts = { grades: [], comments: [], assignments: [], signOffs: [], toReview: [] };
  if (user.role === 'trainee') {
    for (const attempt of desk.store.attempts.of(user.username)) {
      // An open assessment is sealed: nothing about it, grade or comment, is told before it ends.
      if (!attempt.finishedAt && attempt.mode === 'assessment') continue;
      for (const [stepId, review] of Object.entries(attempt.reviews)) {
        if (attempt.finishedAt)
          facts.grades.push({ attemptId: attempt.id, stepId, title: title(attempt.scenarioId), by: name(review.reviewer), at: review.at });
      }
      for (const comment of attempt.comments) {
        if (comment.author !== user.username)
          facts.comments.push({
            attemptId: attempt.id,
            stepId: comment.stepId,
            title: title(attempt.scenarioId),
            by: name(comment.author),
            at: comment.at,
            reply: false,
          });
      }
    }
    const mine = new Set(assignmentsFor(user.username, user.team, desk.store.assignments.list()).map((assignment) => assignment.id));
    facts.assignments = desk.store.assignments
      .list()
      .filter((assignment) => mine.has(assignment.id))
      .map((assignment) => ({ title: assignment.title, by: name(assignment.createdBy), at: assignment.createdAt, due: assignment.due }));
    facts.signOffs = desk.store.signOffs
      .ofTrainee(user.username)
      .map((signOff) => ({ category: category(signOff.category), by: name(signOff.by), at: signOff.at }));
    return facts;
  }
  draftFacts(desk, user, name, facts);
  for (const attempt of desk.store.attempts.all()) {
    for (const event of attempt.events) {
      if (event.type === 'answer' && event.answer.kind === 'write' && !attempt.reviews[event.stepId]) {
        facts.toReview.push({ attemptId: attempt.id, stepId: event.stepId, title: title(attempt.scenarioId), trainee: name(attempt.username), at: event.at });
      }
    }
    for (const [stepId, thread] of threads(attempt)) {
      const mine = thread.findIndex((comment) => comment.author === user.username);
      if (mine < 0) continue;
      for (const comment of thread.slice(mine + 1)) {
        if (comment.author === attempt.username)
          facts.comments.push({ attemptId: attempt.id, stepId, title: title(attempt.scenarioId), by: name(comment.author), at: comment.at, reply: true });
      }
    }
  }
  return facts;
}

/** A senior's authoring news: drafts others submitted for review, and the reviews of their own drafts. */
function draftFacts(desk: Desk, user: User, name: (username: string) => string, facts: FeedFacts): void {
  const title = (scenarioId: string) => desk.catalog.current(scenarioId)?.scenario.title ?? scenarioId;
  facts.draftsToReview = desk.store.authoring
    .drafts()
    .filter((draft) => draft.status === 'in-review' && draft.submittedBy && draft.submittedBy !== user.username)
    .map((draft) => ({
      scenarioId: draft.scenarioId,
      title: title(draft.scenarioId),
      by: name(draft.submittedBy ?? ''),
      at: draft.submittedAt ?? draft.updatedAt,
    }));
  facts.draftDecisions = [];
  for (const draft of desk.store.authoring.drafts()) {
    if (draft.status !== 'changes-requested' || draft.submittedBy !== user.username) continue;
    const asked = desk.store.authoring.history(draft.scenarioId).findLast((entry) => entry.kind === 'changes-requested');
    if (asked) facts.draftDecisions.push({ scenarioId: draft.scenarioId, title: title(draft.scenarioId), by: name(asked.by), at: asked.at, approved: false });
  }
  for (const file of desk.catalog.checked) {
    const scenarioId = path.basename(file.path).replace(/\.ya?ml$/, '');
    for (const entry of desk.store.authoring.history(scenarioId)) {
      if (entry.kind === 'publish' && entry.by === user.username && entry.approvedBy && entry.approvedBy !== user.username)
        facts.draftDecisions.push({ scenarioId, title: title(scenarioId), by: name(entry.approvedBy), at: entry.at, approved: true });
    }
  }
}

/** The user's notifications, newest first, with those since they last looked marked unread. */
export function notificationsOf(desk: Desk, user: User): Notification[] {
  if (!hasNotifications(user)) return [];
  return buildFeed(feedFacts(desk, user), user.notificationsSeenAt ?? user.createdAt);
}

/** The header's count: unread notifications. */
export const unreadNotifications = (desk: Desk, user: User): number => unreadCount(notificationsOf(desk, user));

/** The notifications page: the list as it stood, then everything in it marked read. */
export async function openNotifications(desk: Desk, user: User, now = new Date()): Promise<Notification[]> {
  const feed = notificationsOf(desk, user);
  // Seen up to now, or up to the newest item when a clock ahead of this one dated it later.
  const seenAt = [now.toISOString(), ...feed.map((item) => item.at)].sort().at(-1) ?? now.toISOString();
  if (feed.some((item) => item.unread)) await desk.accounts.markNotificationsSeen(user.username, seenAt);
  return feed;
}
