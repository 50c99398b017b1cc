import { ABOUT_FIELDS, FORM_TOP_KEYS, SETTING_FIELDS, asRecord } from '../../../domain/authoring/form-fields.ts';
import { Fields } from './Field.tsx';
import { Group, SourceOnly } from './parts.tsx';
import { ValuesForm } from './ValuesForm.tsx';

/** The scenario's own facts: title, summary, taxonomy, first step, the setting and the base values. */
export function AboutForm({ data }: { data: Record<string, unknown> }) {
  const setting = asRecord(data.setting);
  return (
    <>
      <p className="small muted">
        Id <code>{String(data.id ?? '')}</code>: the file name, changed only with the file.
      </p>
      <Fields specs={ABOUT_FIELDS} path={[]} record={data} />
      <Group legend="Setting" path={['setting']} shown={SETTING_FIELDS.map((spec) => spec.key)}>
        <Fields specs={SETTING_FIELDS} path={['setting']} record={setting} />
      </Group>
      <ValuesForm path={['values']} values={data.values} legend="Values for placeholders (every variant starts from these)" />
      <SourceOnly record={data} known={FORM_TOP_KEYS} where="The file" />
    </>
  );
}
