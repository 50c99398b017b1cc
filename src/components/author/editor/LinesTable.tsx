import { useId } from 'react';
import { LINE_COLUMNS, asList, asRecord, findingsHere, newLine } from '../../../domain/authoring/form-fields.ts';
import { Field } from './Field.tsx';
import { FindingNotes } from './FindingNotes.tsx';
import { useForm } from './form-context.ts';
import { EditButton, Group } from './parts.tsx';

const COLUMN_KEYS = LINE_COLUMNS.map((spec) => spec.key);

const PATH = ['case', 'lines'] as const;

/**
 * The order lines as a table with one row per line, named by its line number (10, 20... when the file
 * gives none). Each cell is named by its column and row headers; on a narrow screen the table scrolls.
 */
export function LinesTable({ lines }: { lines: unknown }) {
  const id = useId();
  const { findings } = useForm();
  const rows = asList(lines).map(asRecord);
  const add = newLine(lines);
  return (
    <Group legend="Order lines" path={PATH} shown={rows.map((_, index) => String(index))}>
      {rows.length ? (
        <div className="table-wrap form-lines" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="data">
            <caption id={`${id}-caption`} className="visually-hidden">
              Order lines, one row per line
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Row</span>
                </th>
                {LINE_COLUMNS.map((spec) => (
                  <th key={spec.key} id={`${id}-${spec.key}`} scope="col">
                    {spec.label}
                    {spec.required ? <span className="visually-hidden"> (required)</span> : null}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const number = typeof row.line === 'number' ? row.line : (index + 1) * 10;
                const rowId = `${id}-row-${index}`;
                return (
                  <tr key={index}>
                    <th scope="row" id={rowId}>
                      Line {number}
                      <FindingNotes findings={findingsHere(findings, [...PATH, index], COLUMN_KEYS)} />
                    </th>
                    {LINE_COLUMNS.map((spec) => (
                      <td key={spec.key} className={`col-${spec.key}`}>
                        <Field spec={spec} path={[...PATH, index, spec.key]} value={row[spec.key]} labelledBy={`${rowId} ${id}-${spec.key}`} />
                      </td>
                    ))}
                    <td>
                      <EditButton edit={{ kind: 'remove', path: [...PATH, index] }} focus={[...PATH, ':add']} label={`Remove line ${number}`}>
                        Remove
                      </EditButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="small muted">No order lines.</p>
      )}
      <EditButton edit={{ kind: 'append', path: PATH, value: add }} focus={[...PATH, rows.length, 'sku']} at={[...PATH, ':add']} primary>
        Add line {String(add.line)}
      </EditButton>
    </Group>
  );
}
