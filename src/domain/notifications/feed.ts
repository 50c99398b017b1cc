/** What a notification is about: the kinds a trainee or a senior is told of. */
export type NotificationKind = 'grade' | 'comment' | 'reply' | 'assignment' | 'sign-off' | 'to-review' | 'draft-review' | 'draft-decision';

/** One line of the notification list. */
export interface Notification {
  kind: NotificationKind;
  at: string;
  text: string;
  href: string;
  unread: boolean;
}

/** The facts a feed is built from, each with the time it happened; the server gathers them. */
export interface FeedFacts {
  /** Reviews of the viewer's written answers (finished attempts only, so no open assessment leaks a grade). */
  grades: { attemptId: string; stepId: string; title: string; by: string; at: string }[];
  /** Comments by others on the viewer's decisions, and replies to the viewer's own comments. */
  comments: { attemptId: string; stepId: string; title: string; by: string; at: string; reply: boolean }[];
  assignments: { title: string; by: string; at: string; due: string }[];
  signOffs: { category: string; by: string; at: string }[];
  /** Written answers waiting for the viewer (a senior) to review. */
  toReview: { attemptId: string; stepId: string; title: string; trainee: string; at: string }[];
  /** Scenario drafts another senior submitted, waiting for the viewer's review (seniors). */
  draftsToReview?: { scenarioId: string; title: string; by: string; at: string }[];
  /** Reviews of the viewer's own drafts: approved (and published), or sent back with changes asked for. */
  draftDecisions?: { scenarioId: string; title: string; by: string; at: string; approved: boolean }[];
}

const debrief = (attemptId: string, stepId: string) => `/attempts/${attemptId}#step-${stepId}`;
/** Ends a line with a full stop, unless a title at its end already closes it ("Cases or rolls?"). */
const closed = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/** Every notification, newest first; those after `seenAt` are unread. */
export function buildFeed(facts: FeedFacts, seenAt: string): Notification[] {
  const items: Omit<Notification, 'unread'>[] = [
    ...facts.grades.map((grade) => ({
      kind: 'grade' as const,
      at: grade.at,
      href: debrief(grade.attemptId, grade.stepId),
      text: closed(`${grade.by} graded your written answer in ${grade.title}`),
    })),
    ...facts.comments.map((comment) => ({
      kind: comment.reply ? ('reply' as const) : ('comment' as const),
      at: comment.at,
      href: debrief(comment.attemptId, comment.stepId),
      text: comment.reply
        ? closed(`${comment.by} replied to your comment in ${comment.title}`)
        : closed(`${comment.by} commented on your decision in ${comment.title}`),
    })),
    ...facts.assignments.map((assignment) => ({
      kind: 'assignment' as const,
      at: assignment.at,
      href: '/train',
      text: `${assignment.by} assigned you "${assignment.title}", due ${assignment.due}.`,
    })),
    ...facts.signOffs.map((signOff) => ({
      kind: 'sign-off' as const,
      at: signOff.at,
      href: '/progress',
      text: `${signOff.by} signed you off in ${signOff.category}.`,
    })),
    ...facts.toReview.map((item) => ({
      kind: 'to-review' as const,
      at: item.at,
      href: debrief(item.attemptId, item.stepId),
      text: closed(`${item.trainee} wrote an answer to review in ${item.title}`),
    })),
    ...(facts.draftsToReview ?? []).map((draft) => ({
      kind: 'draft-review' as const,
      at: draft.at,
      href: `/author/${draft.scenarioId}/review`,
      text: closed(`${draft.by} submitted a draft of ${draft.title} for your review`),
    })),
    ...(facts.draftDecisions ?? []).map((decision) => ({
      kind: 'draft-decision' as const,
      at: decision.at,
      href: `/author/${decision.scenarioId}/${decision.approved ? 'history' : 'review'}`,
      text: decision.approved
        ? closed(`${decision.by} approved and published your draft of ${decision.title}`)
        : closed(`${decision.by} asked for changes to your draft of ${decision.title}`),
    })),
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at) || a.text.localeCompare(b.text)).map((item) => ({ ...item, unread: item.at > seenAt }));
}

/** How many of a feed's notifications are unread. */
export const unreadCount = (feed: readonly Notification[]): number => feed.filter((item) => item.unread).length;
