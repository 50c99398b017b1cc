// The rules that decide whether a trainee may start an attempt: sealed assessments and the open-attempt cap.
import { describe, expect, test } from 'vitest';
import { isSealed, MAX_OPEN_ATTEMPTS, openAssessmentOf, startRefusal, type AttemptRef } from '../../../src/domain/progress/open-attempts.ts';

let clock = Date.parse('2026-12-01T08:00:00Z');
function ref(scenarioId: string, mode: AttemptRef['mode'], finished = false): AttemptRef {
  clock += 60_000;
  const at = new Date(clock).toISOString();
  return { id: `${scenarioId}-${mode}-${clock}`, scenarioId, mode, startedAt: at, finishedAt: finished ? at : undefined };
}

describe('startRefusal', () => {
  test('a trainee with nothing open may start either mode', () => {
    expect(startRefusal([], 'credit-hold', 'practice')).toBeUndefined();
    expect(startRefusal([ref('credit-hold', 'assessment', true), ref('credit-hold', 'practice', true)], 'credit-hold', 'assessment')).toBeUndefined();
  });

  test('practice does not start while an assessment of the same scenario is open, and says why', () => {
    const open = ref('credit-hold', 'assessment');
    const refusal = startRefusal([open], 'credit-hold', 'practice');
    expect(refusal?.reason).toBe('assessment-open');
    expect(refusal?.blocking.map((attempt) => attempt.id)).toEqual([open.id]);
    expect(refusal?.message).toMatch(/assessment of this scenario is still open/);
    expect(refusal?.message).toMatch(/Finish the assessment, or abandon it/);
  });

  test('an open assessment of another scenario does not close practice here', () => {
    expect(startRefusal([ref('edi-failure', 'assessment')], 'credit-hold', 'practice')).toBeUndefined();
  });

  test('one open attempt per scenario and mode', () => {
    const practice = ref('credit-hold', 'practice');
    expect(startRefusal([practice], 'credit-hold', 'practice')).toMatchObject({ reason: 'already-open', blocking: [practice] });
    const assessment = ref('credit-hold', 'assessment');
    expect(startRefusal([assessment], 'credit-hold', 'assessment')).toMatchObject({ reason: 'already-open', blocking: [assessment] });
  });

  test('an assessment does not start beside an open practice attempt of the same scenario', () => {
    const practice = ref('credit-hold', 'practice');
    expect(startRefusal([practice], 'credit-hold', 'assessment')).toMatchObject({ reason: 'practice-open', blocking: [practice] });
  });

  test('at most ten open in all; the refusal names every open attempt, newest first', () => {
    const open = Array.from({ length: MAX_OPEN_ATTEMPTS }, (_, index) => ref(`scenario-${index}`, 'practice'));
    const refusal = startRefusal([...open, ref('old', 'practice', true)], 'another', 'practice');
    expect(refusal?.reason).toBe('too-many');
    expect(refusal?.message).toBe('You have 10 attempts open, and 10 is the most a trainee can have at once. Finish or abandon one of them to start another.');
    expect(refusal?.blocking.map((attempt) => attempt.id)).toEqual(open.map((attempt) => attempt.id).reverse());
    expect(startRefusal(open.slice(1), 'another', 'practice')).toBeUndefined();
  });
});

describe('isSealed', () => {
  test('only an assessment still being played is sealed', () => {
    expect(isSealed(ref('a', 'assessment'))).toBe(true);
    expect(isSealed(ref('a', 'assessment', true))).toBe(false);
    expect(isSealed(ref('a', 'practice'))).toBe(false);
    expect(openAssessmentOf([ref('a', 'assessment', true), ref('b', 'assessment')], 'a')).toBeUndefined();
  });
});
