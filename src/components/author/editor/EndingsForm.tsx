import { ENDING_FIELDS, asRecord, freeId, newEnding } from '../../../domain/authoring/form-fields.ts';
import { EffectFields } from './EffectFields.tsx';
import { Fields } from './Field.tsx';
import { EditButton, Fold, Group, KeyField, SourceOnly } from './parts.tsx';

const KEYS = [...ENDING_FIELDS.map((spec) => spec.key), 'effect'];

/** Every ending: its result, title, epilogue and what it costs. */
export function EndingsForm({ data }: { data: Record<string, unknown> }) {
  const endings = asRecord(data.endings);
  const ids = Object.keys(endings);
  const added = freeId('ending', [...ids, ...Object.keys(asRecord(data.steps))]);
  return (
    <Group legend="Endings" path={['endings']} shown={ids} className="plain">
      {ids.length ? null : <p className="small muted">No endings yet.</p>}
      {ids.map((id, index) => {
        const ending = asRecord(endings[id]);
        const path = ['endings', id];
        const title = `Ending ${id}${typeof ending.result === 'string' ? ` (${ending.result})` : ''}`;
        return (
          <Fold key={index} summary={title} path={path}>
            <Group legend={title} path={path} shown={KEYS} className="plain">
              <KeyField label="Ending id" path={path} help="Renaming an ending does not rename the places that lead to it; the check lists them." />
              <Fields specs={ENDING_FIELDS} path={path} record={ending} />
              <EffectFields path={[...path, 'effect']} effect={ending.effect} legend="What the ending itself costs" />
              <SourceOnly record={ending} known={KEYS} where="This ending" />
              <EditButton edit={{ kind: 'remove', path }} focus={['endings', ':add']} label={`Remove ending ${id}`}>
                Remove ending
              </EditButton>
            </Group>
          </Fold>
        );
      })}
      <EditButton edit={{ kind: 'set', path: ['endings', added], value: newEnding() }} focus={['endings', added, ':key']} at={['endings', ':add']} primary>
        Add an ending
      </EditButton>
    </Group>
  );
}
