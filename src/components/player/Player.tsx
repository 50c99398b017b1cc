import { useEffect, useRef, useState } from 'react';
import { actions } from 'astro:actions';
import type { Answer } from '../../domain/engine/answer.ts';
import type { FeedbackView, TraineeView } from '../../domain/view/trainee-view.ts';
import { applyViewUpdate } from '../../domain/view/view-update.ts';
import { decisionTone, matchesSenior } from '../../domain/view/decision-tone.ts';
import { formatClock } from '../../domain/clock.ts';
import { money } from '../../domain/text/format.ts';
import CaseFile from '../case/CaseFile.tsx';
import Markdown from '../Markdown.tsx';
import { ChooseManyStep, ChooseStep, RankStep, WriteStep } from './steps.tsx';

const VERDICT_WORDS: Record<string, string> = { best: 'Best call', good: 'Good call', weak: 'Weak call', wrong: 'Wrong call', critical: 'Critical error' };

function Feedback({ feedback }: { feedback: FeedbackView }) {
  const { minutes, sentiment, dollars } = feedback.effect;
  const label = feedback.verdict
    ? VERDICT_WORDS[feedback.verdict]
    : feedback.critical
      ? 'Critical error'
      : feedback.score === null
        ? 'Sent for review'
        : matchesSenior(feedback.score)
          ? 'Matches the senior'
          : `Scored ${Math.round(feedback.score * 100)}%`;
  return (
    <section className={`feedback ${decisionTone(feedback.score, feedback.critical)}`} aria-labelledby="feedback-title">
      <h2 id="feedback-title" tabIndex={-1}>
        {label}
      </h2>
      {feedback.why && <p>{feedback.why}</p>}
      {feedback.senior.length > 0 && feedback.score !== null && !matchesSenior(feedback.score) && (
        <div className="small">
          <strong>The senior would:</strong>{' '}
          <ul>
            {feedback.senior.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {feedback.model && (
        <details>
          <summary>The senior's own answer</summary>
          <Markdown source={feedback.model} />
        </details>
      )}
      <p className="effects small">
        {minutes > 0 && <span>+{minutes} min</span>}
        {sentiment !== 0 && (
          <span>
            {sentiment > 0 ? '+' : ''}
            {sentiment} sentiment
          </span>
        )}
        {dollars > 0 && <span>{money(dollars)} cost</span>}
      </p>
    </section>
  );
}

/** The scenario player: every answer goes to the server, which decides and stores it before we show the result. */
export default function Player({ attemptId, initial }: { attemptId: string; initial: TraineeView }) {
  const [view, setView] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const decisionPanel = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = decisionPanel.current?.querySelector<HTMLElement>('#feedback-title, #ending-title, #step-prompt');
    target?.focus();
  }, [view.decided, view.ending?.id]);

  const answer = async (value: Answer) => {
    if (!view.step || busy) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    const knownDocuments = view.documents.map((document) => document.id);
    const { data, error: failure } = await actions.attempt.answer({ attemptId, stepId: view.step.id, answer: value, knownDocuments });
    setBusy(false);
    if (failure) {
      setError(failure.code === 'UNAUTHORIZED' ? 'Your session has ended. Log in again; your progress is saved.' : failure.message);
      return;
    }
    if (data.outcome !== 'applied') setNotice('That step had already been answered (in another tab?). This is where the case stands now.');
    setView(applyViewUpdate(view, data.view));
  };

  const saveDraft = async (text: string): Promise<boolean> => {
    if (!view.step) return false;
    const { error: failure } = await actions.attempt.draft({ attemptId, stepId: view.step.id, text });
    return !failure;
  };

  const hint = async () => {
    if (!view.step || busy) return;
    setBusy(true);
    const { data, error: failure } = await actions.attempt.hint({
      attemptId,
      stepId: view.step.id,
      knownDocuments: view.documents.map((document) => document.id),
    });
    setBusy(false);
    if (failure) setError(failure.message);
    else setView(applyViewUpdate(view, data.view));
  };

  const { step, ending, feedback } = view;
  return (
    <div className="player">
      <div className="case-column">
        <CaseFile view={view} />
      </div>
      <div className="decision-column" ref={decisionPanel}>
        <div className="status-bar" role="status" aria-live="polite">
          <span>
            <span className="label">Clock</span> {formatClock(view.clock)}
          </span>
          {view.deadline && (
            <span>
              <span className="label">Deadline</span> {formatClock(view.deadline)}
            </span>
          )}
          {view.sentiment !== undefined && (
            <span className="sentiment">
              <span className="label">Customer sentiment</span>
              <meter min={0} max={100} low={35} high={65} optimum={100} value={view.sentiment} aria-label="Customer sentiment">
                {view.sentiment}
              </meter>
              <span>{view.sentiment} of 100</span>
            </span>
          )}
          <span>
            <span className="label">Decisions</span> {view.decided}
          </span>
        </div>
        {notice && <p className="notice warn">{notice}</p>}
        {error && (
          <p className="notice bad" role="alert">
            {error}
          </p>
        )}
        {feedback && <Feedback feedback={feedback} />}
        {step && (
          <section className="step" aria-labelledby="step-prompt">
            <p className="small muted">{view.mode === 'assessment' ? 'Assessment: feedback comes at the end.' : 'Practice'}</p>
            <h2 id="step-prompt" tabIndex={-1}>
              {step.prompt}
            </h2>
            {step.hint && (
              <p className="hint">
                <strong>Hint:</strong> {step.hint}
              </p>
            )}
            {step.kind === 'choose' && <ChooseStep key={step.id} step={step} busy={busy} onAnswer={answer} />}
            {step.kind === 'choose-many' && <ChooseManyStep key={step.id} step={step} busy={busy} onAnswer={answer} />}
            {step.kind === 'rank' && <RankStep key={step.id} step={step} busy={busy} onAnswer={answer} />}
            {step.kind === 'write' && <WriteStep key={step.id} step={step} busy={busy} onAnswer={answer} onDraft={saveDraft} />}
            {step.hintAvailable && (
              <button type="button" className="secondary hint-button" onClick={hint} disabled={busy}>
                Show a hint (costs a quarter of this step's credit)
              </button>
            )}
          </section>
        )}
        {ending && (
          <section className={`ending ${ending.result}`} aria-labelledby="ending-title">
            <h2 id="ending-title" tabIndex={-1}>
              {ending.title ?? (ending.result === 'resolved' ? 'Case resolved' : ending.result === 'partial' ? 'Partly resolved' : 'Case failed')}
            </h2>
            <Markdown source={ending.text} />
            <a className="button primary" href={`/attempts/${attemptId}`}>
              See your debrief
            </a>
          </section>
        )}
      </div>
    </div>
  );
}
