// The attempt machine: one XState state per step and ending, run with the pure `transition` API.
import { describe, expect, test } from 'vitest';
import {
  attemptAt,
  compileScenario,
  currentNode,
  replayAttempt,
  requestHint,
  startAttempt,
  submitAnswer,
  type AttemptSnapshot,
} from '../../../src/domain/engine/machine.ts';
import type { AttemptContext, AttemptEvent } from '../../../src/domain/engine/context.ts';
import { choose, fixtureText, loadFixture, many, play, rank, scenarioFrom, write, type Move, KITCHEN_SINK_DETOUR } from '../../support/scenarios.ts';

const kitchenSink = loadFixture('kitchen-sink');
const machine = compileScenario(kitchenSink);

const note = "Hello Dana, credit is applying yesterday's payment; I will update you by 15:00 today.";
const seniorMoves: Move[] = [
  ['first-look', choose('check-cash')],
  ['loop-in', many('credit', 'am')],
  ['queue', rank('dps', 'credit', 'address')],
  ['note-to-buyer', write(note)],
];

/** A context as an attempt would carry it, with only what the test cares about changed. */
const contextWith = (changes: Partial<AttemptContext>): AttemptContext => ({
  ...startAttempt(machine, 'practice').context,
  ...changes,
});

/** Where one answer leads from a step, for an attempt placed there with the given context. */
function leadsTo(stepId: string, answer: Move[1], changes: Partial<AttemptContext> = {}): string {
  const submission = submitAnswer(kitchenSink, machine, attemptAt(machine, stepId, contextWith(changes)), stepId, answer);
  if (!submission.ok) throw new Error(submission.reason);
  return currentNode(submission.snapshot);
}

describe('compileScenario', () => {
  test('every step and every ending is a state, endings final, starting at "start"', () => {
    const states = machine.root.states;
    expect(Object.keys(states).sort()).toEqual([...Object.keys(kitchenSink.steps), ...Object.keys(kitchenSink.endings)].sort());
    expect(Object.keys(kitchenSink.endings).map((id) => states[id]?.type)).toEqual(['final', 'final', 'final', 'final']);
    expect(Object.keys(kitchenSink.steps).map((id) => states[id]?.type)).toEqual(Array(6).fill('atomic'));
    expect(machine.id).toBe('kitchen-sink');
    expect(currentNode(startAttempt(machine, 'practice'))).toBe('first-look');
  });

  test('a fresh attempt starts from the setting: no minutes, its sentiment, no dollars, nothing revealed', () => {
    expect(startAttempt(machine, 'assessment').context).toEqual({
      mode: 'assessment',
      minutes: 0,
      sentiment: 55,
      dollars: 0,
      revealed: [],
      decisions: [],
      hints: [],
    });
  });
});

describe('submitAnswer', () => {
  test('the senior answers walk first-look, loop-in, queue, note-to-buyer and end at shipped', () => {
    const visited: string[] = [];
    let snapshot = startAttempt(machine, 'practice');
    for (const [stepId, answer] of seniorMoves) {
      visited.push(currentNode(snapshot));
      const submission = submitAnswer(kitchenSink, machine, snapshot, stepId, answer);
      expect(submission.ok).toBe(true);
      snapshot = submission.snapshot;
    }
    expect(visited).toEqual(['first-look', 'loop-in', 'queue', 'note-to-buyer']);
    expect(currentNode(snapshot)).toBe('shipped');
    expect(snapshot.status).toBe('done');
    expect(snapshot.context).toMatchObject({ minutes: 25, sentiment: 60, dollars: 0, revealed: ['ar-ledger'] });
    expect(snapshot.context.decisions.map((decision) => [decision.stepId, decision.score, decision.next])).toEqual([
      ['first-look', 1, 'loop-in'],
      ['loop-in', 1, 'queue'],
      ['queue', 1, 'note-to-buyer'],
      ['note-to-buyer', null, 'shipped'],
    ]);
  });

  test('checking the cash takes 10 minutes and reveals the AR ledger', () => {
    const snapshot = play(kitchenSink, [['first-look', choose('check-cash')]]);
    expect(snapshot.context).toMatchObject({ minutes: 10, sentiment: 55, dollars: 0, revealed: ['ar-ledger'] });
    expect(snapshot.context.decisions).toEqual([
      {
        stepId: 'first-look',
        kind: 'choose',
        answer: { kind: 'choose', optionId: 'check-cash' },
        score: 1,
        critical: false,
        hinted: false,
        effect: { minutes: 10, sentiment: 0, dollars: 0 },
        next: 'loop-in',
      },
    ]);
  });

  test('asking sales costs 45 minutes and 5 sentiment, and entering sales-bounces reveals the credit note', () => {
    const snapshot = play(kitchenSink, [['first-look', choose('ask-sales')]]);
    expect(currentNode(snapshot)).toBe('sales-bounces');
    expect(snapshot.context).toMatchObject({ minutes: 45, sentiment: 50, dollars: 0, revealed: ['credit-note'] });
    expect(snapshot.context.decisions[0]).toMatchObject({ score: 0, critical: false });
  });

  test('effects add up along the sales detour, and the credit note stays revealed', () => {
    const snapshot = play(kitchenSink, [
      ['first-look', choose('ask-sales')],
      ['sales-bounces', choose('to-credit')],
      ['loop-in', many('credit', 'am')],
    ]);
    expect(currentNode(snapshot)).toBe('queue');
    expect(snapshot.context).toMatchObject({ minutes: 70, sentiment: 45, dollars: 0, revealed: ['credit-note'] });
  });

  test('releasing the hold yourself is a critical decision that costs dollars and ends the case', () => {
    const snapshot = play(kitchenSink, [['first-look', choose('release-it')]]);
    expect(currentNode(snapshot)).toBe('released-wrongly');
    expect(snapshot.status).toBe('done');
    expect(snapshot.context).toMatchObject({ minutes: 5, dollars: 2500 });
    expect(snapshot.context.decisions[0]).toMatchObject({ score: 0, critical: true });
  });

  test('sentiment never drops below 0', () => {
    const snapshot = play(kitchenSink, [['sales-bounces', choose('wait')]], 'practice', attemptAt(machine, 'sales-bounces', contextWith({ sentiment: 10 })));
    expect(snapshot.context.sentiment).toBe(0);
  });

  test('an answer for a step that is not the current one is stale and changes nothing', () => {
    const snapshot = startAttempt(machine, 'practice');
    const submission = submitAnswer(kitchenSink, machine, snapshot, 'loop-in', many('credit', 'am'));
    expect(submission).toEqual({ ok: false, code: 'stale', reason: 'That step has already been answered; here is where the case stands now.', snapshot });
    expect(submission.snapshot).toBe(snapshot);
  });

  test('the same answer sent twice (a double click) is refused as stale the second time', () => {
    const once = play(kitchenSink, [['first-look', choose('check-cash')]]);
    const twice = submitAnswer(kitchenSink, machine, once, 'first-look', choose('check-cash'));
    expect(twice).toMatchObject({ ok: false, code: 'stale' });
    expect(twice.snapshot.context.decisions).toHaveLength(1);
  });

  test('an option the step does not have is invalid, with a reason, and does not throw', () => {
    const snapshot = startAttempt(machine, 'practice');
    const submission = submitAnswer(kitchenSink, machine, snapshot, 'first-look', choose('call-the-ceo'));
    expect(submission).toEqual({ ok: false, code: 'invalid', reason: '"call-the-ceo" is not one of this step\'s options.', snapshot });
  });

  test('answers of the wrong shape are invalid with a reason each', () => {
    const snapshot = startAttempt(machine, 'practice');
    const reasonFor = (answer: Move[1]) => {
      const submission = submitAnswer(kitchenSink, machine, snapshot, 'first-look', answer);
      return submission.ok ? 'accepted' : `${submission.code}: ${submission.reason}`;
    };
    expect(reasonFor(rank('dps'))).toBe('invalid: This step asks for a "choose" answer, not "rank".');
    const atLoopIn = play(kitchenSink, [['first-look', choose('check-cash')]]);
    const loopIn = (answer: Move[1]) => {
      const submission = submitAnswer(kitchenSink, machine, atLoopIn, 'loop-in', answer);
      return submission.ok ? 'accepted' : `${submission.code}: ${submission.reason}`;
    };
    expect(loopIn(many('credit', 'credit'))).toBe('invalid: An option was ticked twice.');
    expect(loopIn(many('credit', 'cfo'))).toBe('invalid: "cfo" is not one of this step\'s options.');
    const atQueue = play(kitchenSink, [['loop-in', many('credit', 'am')]], 'practice', atLoopIn);
    const queue = submitAnswer(kitchenSink, machine, atQueue, 'queue', rank('dps', 'credit'));
    expect(queue).toMatchObject({ ok: false, code: 'invalid', reason: 'Put every item in order exactly once (3 items).' });
  });

  test('an answer after the case has ended is refused as finished', () => {
    const ended = play(kitchenSink, seniorMoves);
    const submission = submitAnswer(kitchenSink, machine, ended, 'note-to-buyer', write('one more thing'));
    expect(submission).toEqual({ ok: false, code: 'finished', reason: 'This attempt has already ended.', snapshot: ended });
  });
});

describe('requestHint', () => {
  test('in practice the hint opens once per step and the decision records it', () => {
    const start = startAttempt(machine, 'practice');
    const hinted = requestHint(machine, start, 'first-look');
    expect(hinted.context.hints).toEqual(['first-look']);
    expect(requestHint(machine, hinted, 'first-look').context.hints).toEqual(['first-look']);
    const decided = play(kitchenSink, [['first-look', choose('check-cash')]], 'practice', hinted);
    expect(decided.context.decisions[0]?.hinted).toBe(true);
  });

  test('in assessment the hint is refused and the snapshot is unchanged', () => {
    const start = startAttempt(machine, 'assessment');
    expect(requestHint(machine, start, 'first-look').context).toEqual(start.context);
  });

  test('a hint for a step other than the current one is refused', () => {
    const start = startAttempt(machine, 'practice');
    expect(requestHint(machine, start, 'loop-in').context.hints).toEqual([]);
  });

  test('playtest offers hints like practice', () => {
    expect(requestHint(machine, startAttempt(machine, 'playtest'), 'first-look').context.hints).toEqual(['first-look']);
  });
});

describe('replayAttempt', () => {
  test('replaying the events rebuilds the same node and context as submitting them one by one', () => {
    const moves: readonly Move[] = KITCHEN_SINK_DETOUR;
    const events: AttemptEvent[] = [
      { type: 'hint.request', stepId: 'first-look' },
      ...moves.map(([stepId, answer]): AttemptEvent => ({ type: 'answer.submit', stepId, answer })),
    ];
    const stepByStep = play(kitchenSink, moves, 'practice', requestHint(machine, startAttempt(machine, 'practice'), 'first-look'));
    const replayed = replayAttempt(kitchenSink, machine, 'practice', events);
    expect(currentNode(replayed)).toBe(currentNode(stepByStep));
    expect(replayed.context).toEqual(stepByStep.context);
    expect(currentNode(replayed)).toBe('late-ship');
    expect(replayed.context).toMatchObject({ minutes: 105, sentiment: 50, hints: ['first-look'] });
  });

  test('refused events in the log are skipped, as they were when first sent', () => {
    const replayed = replayAttempt(kitchenSink, machine, 'practice', [
      { type: 'answer.submit', stepId: 'first-look', answer: choose('check-cash') },
      { type: 'answer.submit', stepId: 'first-look', answer: choose('check-cash') },
      { type: 'answer.submit', stepId: 'loop-in', answer: many('nobody') },
      { type: 'answer.submit', stepId: 'loop-in', answer: many('credit', 'am') },
    ]);
    expect(currentNode(replayed)).toBe('queue');
    expect(replayed.context.decisions.map((decision) => decision.stepId)).toEqual(['first-look', 'loop-in']);
  });
});

describe('attemptAt', () => {
  test('places an attempt at any step with the given context', () => {
    const context = contextWith({ minutes: 42, sentiment: 31, revealed: ['ar-ledger'] });
    for (const stepId of Object.keys(kitchenSink.steps)) {
      const snapshot: AttemptSnapshot = attemptAt(machine, stepId, context);
      expect(currentNode(snapshot)).toBe(stepId);
      expect(snapshot.status).toBe('active');
      expect(snapshot.context).toEqual(context);
    }
  });

  test('an attempt placed at an ending is finished', () => {
    const snapshot = attemptAt(machine, 'shipped', contextWith({}));
    expect(snapshot.status).toBe('done');
    expect(submitAnswer(kitchenSink, machine, snapshot, 'note-to-buyer', write(note))).toMatchObject({ ok: false, code: 'finished' });
  });

  test('an attempt placed at a step plays on from there', () => {
    const snapshot = play(kitchenSink, seniorMoves.slice(2), 'playtest', attemptAt(machine, 'queue', contextWith({ mode: 'playtest', minutes: 15 })));
    expect(currentNode(snapshot)).toBe('shipped');
    expect(snapshot.context.minutes).toBe(25);
  });
});

describe('branches', () => {
  test('scoreAtLeast: the senior pair scores 1 and goes to the queue; one of the two scores 0.5 and does not', () => {
    expect(leadsTo('loop-in', many('credit', 'am'))).toBe('queue');
    expect(leadsTo('loop-in', many('credit'))).toBe('credit-asks-why');
  });

  test('chose: ticking the critical release goes to released-wrongly, even beside the right people', () => {
    expect(leadsTo('loop-in', many('credit', 'am', 'release'))).toBe('released-wrongly');
    expect(leadsTo('loop-in', many('release'))).toBe('released-wrongly');
  });

  test('sentimentBelow and minutesAtLeast must both hold to miss the cut-off', () => {
    expect(leadsTo('loop-in', many('am'), { sentiment: 25, minutes: 95 })).toBe('missed');
    expect(leadsTo('loop-in', many('am'), { sentiment: 25, minutes: 94 })).toBe('credit-asks-why');
    expect(leadsTo('loop-in', many('am'), { sentiment: 30, minutes: 95 })).toBe('credit-asks-why');
  });

  test('an earlier branch wins: a good score goes to the queue even when time and sentiment are bad', () => {
    expect(leadsTo('loop-in', many('credit', 'am'), { sentiment: 10, minutes: 200 })).toBe('queue');
  });

  test('minutesAtLeast on the write step: 100 minutes or more after the note ships late', () => {
    expect(leadsTo('note-to-buyer', write(note), { minutes: 90 })).toBe('late-ship');
    expect(leadsTo('note-to-buyer', write(note), { minutes: 89 })).toBe('shipped');
  });

  test('visited and scoreBelow take their branches (queue rewired in memory, since in kitchen-sink all three lead to the note)', () => {
    const rewired = scenarioFrom(
      fixtureText('kitchen-sink.yaml').replace(
        '      - when: { scoreBelow: 0.5 }\n        goto: note-to-buyer\n      - when: { visited: sales-bounces }\n        goto: note-to-buyer',
        '      - when: { scoreBelow: 0.5 }\n        goto: missed\n      - when: { visited: sales-bounces }\n        goto: late-ship',
      ),
      'kitchen-sink',
    );
    const rewiredMachine = compileScenario(rewired);
    const queueFrom = (decisions: AttemptContext['decisions'], answer: Move[1]) => {
      const at = attemptAt(rewiredMachine, 'queue', contextWith({ decisions }));
      const submission = submitAnswer(rewired, rewiredMachine, at, 'queue', answer);
      return submission.ok ? currentNode(submission.snapshot) : submission.reason;
    };
    const viaSales = play(kitchenSink, [
      ['first-look', choose('ask-sales')],
      ['sales-bounces', choose('to-credit')],
    ]).context.decisions;
    expect(queueFrom([], rank('address', 'credit', 'dps'))).toBe('missed');
    expect(queueFrom(viaSales, rank('dps', 'credit', 'address'))).toBe('late-ship');
    expect(queueFrom([], rank('dps', 'credit', 'address'))).toBe('note-to-buyer');
    expect(queueFrom([], rank('dps', 'address', 'credit'))).toBe('note-to-buyer');
  });
});
