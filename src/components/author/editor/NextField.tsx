import { CONDITION_FIELDS, asList, asRecord, branchesFrom, extraKeys, type FieldSpec } from '../../../domain/authoring/form-fields.ts';
import type { DocPath } from '../../../domain/authoring/scenario-edit.ts';
import { Field } from './Field.tsx';
import { EditButton, Group } from './parts.tsx';

const GOTO: FieldSpec = { key: 'goto', label: 'Go to', kind: 'text', required: true, suggest: 'targets' };
const NEXT: FieldSpec = { key: 'next', label: 'Next (a step or an ending)', kind: 'text', required: true, suggest: 'targets' };
const CONDITION_KEYS = CONDITION_FIELDS.map((spec) => spec.key);

/**
 * Where a decision leads: one step or ending, or branches taken in order (the first whose conditions
 * hold). Conditions of a kind not yet in a branch are added in the Source view.
 */
export function NextField({ path, next }: { path: DocPath; next: unknown }) {
  if (!Array.isArray(next)) {
    const target = typeof next === 'string' ? next : '';
    return (
      <div className="form-next">
        <Field spec={NEXT} path={path} value={next} />
        {target ? (
          <EditButton edit={{ kind: 'set', path, value: branchesFrom(target) }} focus={[...path, 0, 'when', 'scoreAtLeast']}>
            Branch on a condition
          </EditButton>
        ) : null}
      </div>
    );
  }
  const branches = asList(next).map(asRecord);
  const last = branches.length - 1;
  return (
    <Group legend="Next: branches, the first whose conditions hold is taken" path={path} shown={branches.map((_, index) => String(index))}>
      {branches.map((branch, index) => {
        const when = asRecord(branch.when);
        const conditions = CONDITION_FIELDS.filter((spec) => spec.key in when);
        const label = `Branch ${index + 1}`;
        return (
          <Group
            key={index}
            legend={index === last && !branch.when ? `${label}: otherwise` : label}
            path={[...path, index]}
            shown={['when', 'goto']}
            className="form-branch"
          >
            {conditions.map((spec) => (
              <Field key={spec.key} spec={spec} path={[...path, index, 'when', spec.key]} value={when[spec.key]} />
            ))}
            {extraKeys(when, CONDITION_KEYS).length ? (
              <p className="small muted">This branch has a condition the form does not know; edit it in the Source view.</p>
            ) : null}
            <Field spec={GOTO} path={[...path, index, 'goto']} value={branch.goto} />
            {branches.length > 1 ? (
              <EditButton edit={{ kind: 'remove', path: [...path, index] }} focus={[...path, ':add']} label={`Remove branch ${index + 1}`}>
                Remove branch
              </EditButton>
            ) : null}
          </Group>
        );
      })}
      <EditButton
        edit={{ kind: 'append', path, value: { when: { scoreAtLeast: 1 }, goto: String(branches[last]?.goto ?? '') }, at: Math.max(0, last) }}
        focus={[...path, Math.max(0, last), 'when', 'scoreAtLeast']}
        at={[...path, ':add']}
        primary
      >
        Add a branch
      </EditButton>
      <p className="small muted">Conditions: score, chose, sentiment, minutes, visited. To add one of another kind to a branch, use the Source view.</p>
    </Group>
  );
}
