import { asRecord, freeId, type FieldSpec } from '../../../domain/authoring/form-fields.ts';
import type { DocPath } from '../../../domain/authoring/scenario-edit.ts';
import { Field } from './Field.tsx';
import { EditButton, Group, KeyField } from './parts.tsx';
import { pathKey } from './form-context.ts';

const VALUE: FieldSpec = { key: 'value', label: 'Value', kind: 'number', required: true, help: 'A number or a text.' };

/** Named values for `{{placeholders}}`: the file's base values, or one variant's own. */
export function ValuesForm({ path, values, legend }: { path: DocPath; values: unknown; legend: string }) {
  const record = asRecord(values);
  const names = Object.keys(record);
  const added = freeId('value', names);
  return (
    <Group legend={legend} path={path} shown={names}>
      {names.length ? null : <p className="small muted">No values yet. A text names one as {'{{name}}'}.</p>}
      {names.map((name) => (
        <div key={name} className="form-row value-row">
          <KeyField label={`Name of {{${name}}}`} path={[...path, name]} />
          <Field spec={{ ...VALUE, label: `Value of ${name}` }} path={[...path, name]} value={record[name]} />
          <EditButton edit={{ kind: 'remove', path: [...path, name] }} focus={pathKey([...path, ':add'])} label={`Remove the value ${name}`}>
            Remove
          </EditButton>
        </div>
      ))}
      <EditButton edit={{ kind: 'set', path: [...path, added], value: '' }} focus={[...path, added, ':key']} at={[...path, ':add']} primary>
        Add a value
      </EditButton>
    </Group>
  );
}
