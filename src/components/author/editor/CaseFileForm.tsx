import { humanize } from '../../../domain/text/format.ts';
import {
  CASE_KEYS,
  CUSTOMER_FIELDS,
  DOCUMENT_FIELDS,
  HOLD_FIELDS,
  ORDER_FIELDS,
  asList,
  asRecord,
  extraKeys,
  idsOf,
  newDocument,
  newHold,
  type FieldSpec,
} from '../../../domain/authoring/form-fields.ts';
import type { DocPath } from '../../../domain/authoring/scenario-edit.ts';
import { Field, Fields } from './Field.tsx';
import { LinesTable } from './LinesTable.tsx';
import { EditButton, Fold, Group, SourceOnly } from './parts.tsx';

/** The case file the trainee reads: order, customer, lines, holds and documents. */
export function CaseFileForm({ data }: { data: Record<string, unknown> }) {
  const file = asRecord(data.case);
  const clock = asRecord(data.setting).clock;
  return (
    <>
      <SourceOnly record={file} known={CASE_KEYS} where="The case file" />
      <HeaderForm legend="Order" path={['case', 'order']} specs={ORDER_FIELDS} record={asRecord(file.order)} />
      <HeaderForm legend="Customer" path={['case', 'customer']} specs={CUSTOMER_FIELDS} record={asRecord(file.customer)} />
      <LinesTable lines={file.lines} />
      <ListForm
        legend="Holds"
        path={['case', 'holds']}
        items={file.holds}
        specs={HOLD_FIELDS}
        name={(item, index) => `Hold ${index + 1}${item.code ? `: ${String(item.code)}` : ''}`}
        added={newHold(clock)}
        addLabel="Add a hold"
      />
      <ListForm
        legend="Documents"
        path={['case', 'documents']}
        items={file.documents}
        specs={DOCUMENT_FIELDS}
        name={(item, index) => `${item.kind ? humanize(String(item.kind)) : 'Document'} ${index + 1}: ${String(item.subject ?? item.id ?? '')}`}
        added={newDocument(idsOf(file.documents))}
        addLabel="Add a document"
      />
    </>
  );
}

const scalarSpec = (key: string, value: unknown): FieldSpec =>
  typeof value === 'boolean'
    ? { key, label: humanize(key), kind: 'choice', choices: [true, false] }
    : { key, label: humanize(key), kind: typeof value === 'number' ? 'number' : 'text' };

/** The order or the customer: the format's fields, then the author's own `key: value` fields. */
function HeaderForm({ legend, path, specs, record }: { legend: string; path: DocPath; specs: readonly FieldSpec[]; record: Record<string, unknown> }) {
  const own = extraKeys(
    record,
    specs.map((spec) => spec.key),
  );
  const scalars = own.filter((key) => record[key] === null || typeof record[key] !== 'object');
  return (
    <Group legend={legend} path={path} shown={[...specs.map((spec) => spec.key), ...scalars]}>
      <div className="form-columns">
        <Fields specs={specs} path={path} record={record} />
        {scalars.map((key) => (
          <Field key={key} spec={scalarSpec(key, record[key])} path={[...path, key]} value={record[key]} />
        ))}
      </div>
      <SourceOnly record={record} known={[...specs.map((spec) => spec.key), ...scalars]} where={legend} />
      <p className="small muted">Fields of your own (such as incoterms) are added in the Source view.</p>
    </Group>
  );
}

interface ListFormProps {
  legend: string;
  path: DocPath;
  items: unknown;
  specs: readonly FieldSpec[];
  name: (item: Record<string, unknown>, index: number) => string;
  added: unknown;
  addLabel: string;
}

/** A list of items with the same fields (holds, documents), each folded under its name. */
function ListForm({ legend, path, items, specs, name, added, addLabel }: ListFormProps) {
  const list = asList(items).map(asRecord);
  const keys = specs.map((spec) => spec.key);
  return (
    <Group legend={legend} path={path} shown={list.map((_, index) => String(index))}>
      {list.length ? null : <p className="small muted">None yet.</p>}
      {list.map((item, index) => (
        <Fold key={index} summary={name(item, index)} path={[...path, index]}>
          <Group legend={name(item, index)} path={[...path, index]} shown={keys} className="plain">
            <Fields specs={specs} path={[...path, index]} record={item} />
            <SourceOnly record={item} known={keys} where="This item" />
            <EditButton edit={{ kind: 'remove', path: [...path, index] }} focus={[...path, ':add']} label={`Remove ${name(item, index)}`}>
              Remove
            </EditButton>
          </Group>
        </Fold>
      ))}
      <EditButton edit={{ kind: 'append', path, value: added }} focus={[...path, list.length, specs[0]!.key]} at={[...path, ':add']} primary>
        {addLabel}
      </EditButton>
    </Group>
  );
}

export { ListForm };
