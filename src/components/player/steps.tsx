import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Answer } from '../../domain/engine/answer.ts';
import type { Choice, StepView } from '../../domain/view/trainee-view.ts';

interface StepProps<K extends StepView['kind']> {
  step: Extract<StepView, { kind: K }>;
  busy: boolean;
  onAnswer: (answer: Answer) => void;
}

const Submit = ({ busy, disabled, label = 'Commit decision' }: { busy: boolean; disabled?: boolean; label?: string }) => (
  <button className="primary" type="submit" disabled={busy || disabled} aria-busy={busy}>
    {busy ? 'Saving…' : label}
  </button>
);

export function ChooseStep({ step, busy, onAnswer }: StepProps<'choose'>) {
  const [chosen, setChosen] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) onAnswer({ kind: 'choose', optionId: chosen });
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="choices">
        <legend className="visually-hidden">{step.prompt}</legend>
        {step.options.map((option) => (
          <label key={option.id} className={`choice${chosen === option.id ? ' selected' : ''}`}>
            <input type="radio" name={`step-${step.id}`} value={option.id} checked={chosen === option.id} onChange={() => setChosen(option.id)} />
            <span>{option.text}</span>
          </label>
        ))}
      </fieldset>
      <Submit busy={busy} disabled={!chosen} />
    </form>
  );
}

export function ChooseManyStep({ step, busy, onAnswer }: StepProps<'choose-many'>) {
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((value) => value !== id) : [...current, id]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAnswer({ kind: 'choose-many', optionIds: chosen });
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="choices">
        <legend className="small muted">Tick every one that applies.</legend>
        {step.options.map((option) => (
          <label key={option.id} className={`choice${chosen.includes(option.id) ? ' selected' : ''}`}>
            <input type="checkbox" value={option.id} checked={chosen.includes(option.id)} onChange={() => toggle(option.id)} />
            <span>{option.text}</span>
          </label>
        ))}
      </fieldset>
      <Submit busy={busy} label={chosen.length ? `Commit ${chosen.length} selected` : 'Commit: none of these'} />
    </form>
  );
}

type Direction = 'up' | 'down';

export function RankStep({ step, busy, onAnswer }: StepProps<'rank'>) {
  const [order, setOrder] = useState<Choice[]>(step.items);
  const [said, setSaid] = useState('');
  const [dragged, setDragged] = useState<number>();
  const buttons = useRef(new Map<string, Record<Direction, HTMLButtonElement | null>>());
  const [refocus, setRefocus] = useState<{ id: string; direction: Direction }>();
  // A button that becomes disabled drops focus to <body>; keep it on the moved item's nearest control.
  useEffect(() => {
    if (!refocus) return;
    const pair = buttons.current.get(refocus.id);
    const preferred = pair?.[refocus.direction];
    (preferred && !preferred.disabled ? preferred : pair?.[refocus.direction === 'up' ? 'down' : 'up'])?.focus();
    setRefocus(undefined);
  }, [refocus]);
  const buttonRef = (id: string, direction: Direction) => (element: HTMLButtonElement | null) => {
    const pair = buttons.current.get(id) ?? { up: null, down: null };
    pair[direction] = element;
    buttons.current.set(id, pair);
  };
  const moveBy = (index: number, direction: Direction) => {
    const item = order[index];
    if (!item) return;
    move(index, direction === 'up' ? index - 1 : index + 1);
    setRefocus({ id: item.id, direction });
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    if (!item) return;
    next.splice(to, 0, item);
    setOrder(next);
    setSaid(`${item.text}: now ${to + 1} of ${next.length}.`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAnswer({ kind: 'rank', order: order.map((item) => item.id) });
  };
  return (
    <form onSubmit={submit}>
      <p className="small muted" id={`rank-help-${step.id}`}>
        First to work at the top. Drag an item, or use its Up and Down buttons.
      </p>
      <ol className="rank-list" aria-describedby={`rank-help-${step.id}`}>
        {order.map((item, index) => (
          <li
            key={item.id}
            className={`rank-item${dragged === index ? ' dragging' : ''}`}
            draggable
            onDragStart={() => setDragged(index)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged !== undefined) move(dragged, index);
              setDragged(undefined);
            }}
            onDragEnd={() => setDragged(undefined)}
          >
            <span className="rank-pos" aria-hidden="true">
              {index + 1}
            </span>
            <span className="rank-text">{item.text}</span>
            <span className="rank-buttons">
              <button
                type="button"
                className="secondary icon"
                ref={buttonRef(item.id, 'up')}
                onClick={() => moveBy(index, 'up')}
                disabled={index === 0}
                aria-label={`Move up: ${item.text}`}
              >
                ↑
              </button>
              <button
                type="button"
                className="secondary icon"
                ref={buttonRef(item.id, 'down')}
                onClick={() => moveBy(index, 'down')}
                disabled={index === order.length - 1}
                aria-label={`Move down: ${item.text}`}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      <Submit busy={busy} label="Commit this order" />
    </form>
  );
}

/** How long typing pauses before the draft is sent to the server. */
const DRAFT_PAUSE_MS = 800;
type DraftState = 'saved' | 'saving' | 'failed' | undefined;
const DRAFT_WORDS: Record<Exclude<DraftState, undefined>, string> = {
  saved: 'Draft saved: it is here after a reload or on another device.',
  saving: 'Saving your draft…',
  failed: 'The draft could not be saved just now; keep this tab open and it will try again as you type.',
};

export function WriteStep({ step, busy, onAnswer, onDraft }: StepProps<'write'> & { onDraft?: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState(step.draft ?? '');
  const [draft, setDraft] = useState<DraftState>(step.draft ? 'saved' : undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const change = (value: string) => {
    setText(value);
    if (!onDraft) return;
    clearTimeout(timer.current);
    setDraft('saving');
    timer.current = setTimeout(() => {
      void onDraft(value).then((ok) => setDraft(ok ? 'saved' : 'failed'));
    }, DRAFT_PAUSE_MS);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clearTimeout(timer.current);
    if (text.trim()) onAnswer({ kind: 'write', text });
  };
  return (
    <form onSubmit={submit}>
      <label htmlFor={`write-${step.id}`} className="visually-hidden">
        {step.prompt}
      </label>
      <textarea
        id={`write-${step.id}`}
        value={text}
        maxLength={step.maxLength}
        onChange={(event) => change(event.target.value)}
        aria-describedby={`write-count-${step.id}`}
      />
      <p className="small muted" id={`write-count-${step.id}`}>
        {text.length} of {step.maxLength} characters. A senior specialist reviews written answers against a rubric.
      </p>
      <p className="small muted draft-state" role="status">
        {draft ? DRAFT_WORDS[draft] : ''}
      </p>
      <Submit busy={busy} disabled={!text.trim()} label="Send" />
    </form>
  );
}
