import { useId, useState } from 'react';
import {
  CHOOSE_OPTION_FIELDS,
  MANY_OPTION_FIELDS,
  RANK_ITEM_FIELDS,
  STEP_FIELDS,
  STEP_KINDS,
  asList,
  asRecord,
  freeId,
  idsOf,
  newChooseOption,
  newManyOption,
  newRankItem,
  newStep,
  type FieldSpec,
  type StepKindName,
} from '../../../domain/authoring/form-fields.ts';
import type { DocPath } from '../../../domain/authoring/scenario-edit.ts';
import { EffectFields } from './EffectFields.tsx';
import { Field, Fields } from './Field.tsx';
import { NextField } from './NextField.tsx';
import { EditButton, Fold, Group, KeyField, SourceOnly } from './parts.tsx';

const KIND: FieldSpec = { key: 'kind', label: 'Kind', kind: 'choice', required: true, choices: STEP_KINDS };
const WHY: FieldSpec = { key: 'why', label: 'Why (the senior’s reasoning)', kind: 'long' };
const MODEL: FieldSpec = { key: 'model', label: 'Model answer', kind: 'long', required: true };
const ANSWER: Record<'choose-many' | 'rank', FieldSpec> = {
  'choose-many': {
    key: 'answer',
    label: 'Answer: the senior’s set of option ids',
    kind: 'ids',
    help: 'Option ids separated by commas; never a critical option.',
  },
  rank: { key: 'answer', label: 'Answer: every item id in the senior’s order', kind: 'ids', help: 'Item ids separated by commas, first to last.' },
};
const COMMON_KEYS = ['kind', ...STEP_FIELDS.map((spec) => spec.key)];
/** The keys each kind of step holds, beyond the ones every step has. */
const KIND_KEYS: Record<StepKindName, readonly string[]> = {
  choose: ['options'],
  'choose-many': ['options', 'answer', 'why', 'effect', 'next'],
  rank: ['items', 'answer', 'why', 'effect', 'next'],
  write: ['rubric', 'model', 'why', 'effect', 'next'],
};
const KINDS: readonly string[] = STEP_KINDS;
const isKind = (kind: unknown): kind is StepKindName => KINDS.includes(String(kind));

/** Every step, each folded under its id and kind, and a way to add one. */
export function StepsForm({ data }: { data: Record<string, unknown> }) {
  const steps = asRecord(data.steps);
  const ids = Object.keys(steps);
  const endings = Object.keys(asRecord(data.endings));
  const [kind, setKind] = useState<StepKindName>('choose');
  const kindId = useId();
  const added = freeId('step', [...ids, ...endings]);
  return (
    <Group legend="Steps" path={['steps']} shown={ids} className="plain">
      {ids.length ? null : <p className="small muted">No steps yet.</p>}
      {ids.map((id, index) => (
        <StepForm key={index} id={id} step={asRecord(steps[id])} />
      ))}
      <div className="form-row form-add">
        <div className="form-field">
          <label htmlFor={kindId}>Kind of the new step</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.currentTarget.value as StepKindName)}>
            {STEP_KINDS.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </div>
        <EditButton
          edit={{ kind: 'set', path: ['steps', added], value: newStep(kind, endings[0] ?? ids[0] ?? '') }}
          focus={['steps', added, ':key']}
          at={['steps', ':add']}
          primary
        >
          Add a step
        </EditButton>
      </div>
    </Group>
  );
}

/** One step: its id, kind, prompt, hint and reveals, then what its kind holds. */
function StepForm({ id, step }: { id: string; step: Record<string, unknown> }) {
  const path = ['steps', id];
  const kind = isKind(step.kind) ? step.kind : undefined;
  const shown = [...COMMON_KEYS, ...(kind ? KIND_KEYS[kind] : [])];
  const title = `Step ${id}${kind ? ` (${kind})` : ''}`;
  return (
    <Fold summary={title} path={path}>
      <Group legend={title} path={path} shown={shown} className="plain">
        <KeyField label="Step id" path={path} help="Renaming a step does not rename the places that lead to it; the check lists them." />
        <Field spec={KIND} path={[...path, 'kind']} value={step.kind} />
        <Fields specs={STEP_FIELDS} path={path} record={step} />
        {kind === 'choose' ? <ChooseOptions path={path} step={step} /> : null}
        {kind === 'choose-many' ? (
          <ItemList path={[...path, 'options']} items={step.options} specs={MANY_OPTION_FIELDS} noun="option" added={newManyOption(idsOf(step.options))} />
        ) : null}
        {kind === 'rank' ? (
          <ItemList path={[...path, 'items']} items={step.items} specs={RANK_ITEM_FIELDS} noun="item" added={newRankItem(idsOf(step.items))} />
        ) : null}
        {kind === 'write' ? <Rubric path={[...path, 'rubric']} rubric={step.rubric} /> : null}
        {kind === 'write' ? <Field spec={MODEL} path={[...path, 'model']} value={step.model} /> : null}
        {kind === 'choose-many' || kind === 'rank' ? <Field spec={ANSWER[kind]} path={[...path, 'answer']} value={step.answer} /> : null}
        {kind && kind !== 'choose' ? (
          <>
            <Field spec={WHY} path={[...path, 'why']} value={step.why} />
            <EffectFields path={[...path, 'effect']} effect={step.effect} />
            <NextField path={[...path, 'next']} next={step.next} />
          </>
        ) : null}
        {kind ? (
          <SourceOnly record={step} known={shown} where="This step" />
        ) : (
          <p className="small muted">Choose the step’s kind to see the rest of its fields.</p>
        )}
        <EditButton edit={{ kind: 'remove', path }} focus={['steps', ':add']} label={`Remove step ${id}`}>
          Remove step
        </EditButton>
      </Group>
    </Fold>
  );
}

/** A `choose` step's options: each with its verdict, reasoning, effect and where it leads. */
function ChooseOptions({ path, step }: { path: DocPath; step: Record<string, unknown> }) {
  const options = asList(step.options).map(asRecord);
  const optionsPath = [...path, 'options'];
  const keys = [...CHOOSE_OPTION_FIELDS.map((spec) => spec.key), 'effect', 'next'];
  const firstTarget = String(options[0]?.next && typeof options[0].next === 'string' ? options[0].next : '');
  return (
    <Group legend="Options" path={optionsPath} shown={options.map((_, index) => String(index))}>
      {options.map((option, index) => {
        const at = [...optionsPath, index];
        const name = `Option ${index + 1}${option.id ? `: ${String(option.id)}` : ''}`;
        return (
          <Group key={index} legend={name} path={at} shown={keys} className="form-item">
            <Fields specs={CHOOSE_OPTION_FIELDS} path={at} record={option} />
            <EffectFields path={[...at, 'effect']} effect={option.effect} />
            <NextField path={[...at, 'next']} next={option.next} />
            <SourceOnly record={option} known={keys} where="This option" />
            <ItemActions path={at} count={options.length} index={index} name={name} listPath={optionsPath} />
          </Group>
        );
      })}
      <EditButton
        edit={{ kind: 'append', path: optionsPath, value: newChooseOption(idsOf(options), firstTarget) }}
        focus={[...optionsPath, options.length, 'id']}
        at={[...optionsPath, ':add']}
        primary
      >
        Add an option
      </EditButton>
    </Group>
  );
}

/** The options of a `choose-many` step or the items of a `rank` step. */
function ItemList({ path, items, specs, noun, added }: { path: DocPath; items: unknown; specs: readonly FieldSpec[]; noun: string; added: unknown }) {
  const list = asList(items).map(asRecord);
  const keys = specs.map((spec) => spec.key);
  const plural = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}s`;
  return (
    <Group legend={plural} path={path} shown={list.map((_, index) => String(index))}>
      {list.map((item, index) => {
        const name = `${plural.slice(0, -1)} ${index + 1}${item.id ? `: ${String(item.id)}` : ''}`;
        return (
          <Group key={index} legend={name} path={[...path, index]} shown={keys} className="form-item">
            <Fields specs={specs} path={[...path, index]} record={item} />
            <SourceOnly record={item} known={keys} where={`This ${noun}`} />
            <ItemActions path={[...path, index]} count={list.length} index={index} name={name} listPath={path} />
          </Group>
        );
      })}
      <EditButton edit={{ kind: 'append', path, value: added }} focus={[...path, list.length, 'id']} at={[...path, ':add']} primary>
        Add an {noun}
      </EditButton>
    </Group>
  );
}

/** Move up, move down and remove, for one item of a list. */
function ItemActions({ path, listPath, index, count, name }: { path: DocPath; listPath: DocPath; index: number; count: number; name: string }) {
  return (
    <div className="form-actions">
      {index > 0 ? (
        <EditButton edit={{ kind: 'move', path, by: -1 }} focus={[...listPath, index - 1, ':up']} at={[...path, ':up']} label={`Move up: ${name}`}>
          Move up
        </EditButton>
      ) : null}
      {index < count - 1 ? (
        <EditButton edit={{ kind: 'move', path, by: 1 }} focus={[...listPath, index + 1, ':down']} at={[...path, ':down']} label={`Move down: ${name}`}>
          Move down
        </EditButton>
      ) : null}
      <EditButton edit={{ kind: 'remove', path }} focus={[...listPath, ':add']} label={`Remove ${name}`}>
        Remove
      </EditButton>
    </div>
  );
}

/** A `write` step's rubric: the lines a reviewer ticks. */
function Rubric({ path, rubric }: { path: DocPath; rubric: unknown }) {
  const lines = asList(rubric);
  return (
    <Group legend="Rubric: the lines a reviewer ticks" path={path} shown={lines.map((_, index) => String(index))}>
      {lines.map((line, index) => (
        <div key={index} className="form-row">
          <Field spec={{ key: String(index), label: `Rubric line ${index + 1}`, kind: 'text', required: true }} path={[...path, index]} value={line} />
          <EditButton edit={{ kind: 'remove', path: [...path, index] }} focus={[...path, ':add']} label={`Remove rubric line ${index + 1}`}>
            Remove
          </EditButton>
        </div>
      ))}
      <EditButton edit={{ kind: 'append', path, value: 'What a good answer does' }} focus={[...path, lines.length]} at={[...path, ':add']} primary>
        Add a rubric line
      </EditButton>
    </Group>
  );
}
