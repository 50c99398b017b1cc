import type { TraineeView, VisibleDocument } from '../../domain/view/trainee-view.ts';
import type { QueueItem } from '../../domain/scenario/schema.ts';
import { count, fieldValue, humanize, money } from '../../domain/text/format.ts';
import { formatAge, formatClock, minutesBetween } from '../../domain/clock.ts';
import Markdown from '../Markdown.tsx';

type Scalar = string | number | boolean | undefined;

function Fields({ values, currency, skip = [] }: { values: Record<string, Scalar>; currency: string; skip?: string[] }) {
  const entries = Object.entries(values).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== '' && !skip.includes(entry[0]),
  );
  return (
    <dl className="fields">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{humanize(key)}</dt>
          <dd>{fieldValue(key, value, currency)}</dd>
        </div>
      ))}
    </dl>
  );
}

const DOC_KIND: Record<VisibleDocument['kind'], string> = { email: 'Email', note: 'Note', log: 'System log', call: 'Call summary' };

/** An exception queue as the queue screen lists it: a table on a desk, one labelled card per item on a phone. */
function Queue({ items, clock, currency }: { items: QueueItem[]; clock: string; currency: string }) {
  const total = items.reduce((sum, item) => sum + (item.value ?? 0), 0);
  const oldest = Math.max(...items.map((item) => minutesBetween(item.received, clock)));
  const mixed = new Set(items.map((item) => item.currency ?? currency)).size > 1;
  return (
    <section className="panel wide" aria-labelledby="case-queue">
      <h2 id="case-queue">
        Queue <span className="badge">{items.length}</span>
      </h2>
      <p className="small muted queue-summary">
        {items.length} open {items.length === 1 ? 'item' : 'items'}
        {total > 0 && !mixed ? ` · ${money(total, currency)} in value` : ''} · oldest waiting {formatAge(oldest)}
      </p>
      <div className="table-wrap">
        <table className="data queue">
          <thead>
            <tr>
              <th>Item</th>
              <th>Customer and order</th>
              <th>Exception</th>
              <th className="num">Value</th>
              <th>Received</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row" className="mono" data-label="Item">
                  {item.ref ?? item.id}
                </th>
                <td data-label="Customer">
                  {/* One box per cell, so a phone's two-column card keeps the label beside all of it. */}
                  <div>
                    <strong>{item.customer}</strong>
                    {item.tier ? <span className="small muted"> · {item.tier}</span> : null}
                    <div className="small mono">
                      {item.order}
                      {item.account ? ` · ${item.account}` : ''}
                    </div>
                  </div>
                </td>
                <td data-label="Exception">
                  <div>
                    <span className="hold-code">{item.code}</span>
                    {item.status ? <span className="small muted"> · {item.status}</span> : null}
                    <div>{item.summary}</div>
                    {item.note ? <div className="small muted">{item.note}</div> : null}
                  </div>
                </td>
                <td className="num" data-label="Value">
                  {item.value === undefined ? '–' : money(item.value, item.currency ?? currency)}
                </td>
                <td data-label="Received">
                  <div>
                    {formatClock(item.received)}
                    <div className="small muted">waiting {formatAge(minutesBetween(item.received, clock))}</div>
                  </div>
                </td>
                <td data-label="Due">{item.due ? formatClock(item.due) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The case file as the desk's screens would show it: header (or the queue), customer, lines, holds, documents. */
export default function CaseFile({ view }: { view: Pick<TraineeView, 'caseFile' | 'documents' | 'clock'> }) {
  const { order, customer, queue, lines, holds } = view.caseFile;
  const currency = String(order?.currency ?? 'USD');
  const limit = typeof customer?.creditLimit === 'number' ? customer.creditLimit : undefined;
  const exposure = typeof customer?.exposure === 'number' ? customer.exposure : undefined;
  const over = limit !== undefined && exposure !== undefined ? exposure - limit : undefined;
  return (
    <div className="case-file">
      {queue && queue.length > 0 && <Queue items={queue} clock={view.clock} currency={currency} />}
      {order && (
        <section className="panel" aria-labelledby="case-order">
          <h2 id="case-order">Order {order.number}</h2>
          <Fields values={order} currency={currency} skip={['number', 'currency']} />
        </section>
      )}
      {customer && (
        <section className="panel" aria-labelledby="case-customer">
          <h2 id="case-customer">{customer.name}</h2>
          <Fields values={customer} currency={currency} skip={['name']} />
          {over !== undefined && (
            <p className={over > 0 ? 'credit over' : 'credit'}>{over > 0 ? `Over limit by ${money(over, currency)}` : `Headroom ${money(-over, currency)}`}</p>
          )}
        </section>
      )}
      {lines.length > 0 && (
        <section className="panel wide" aria-labelledby="case-lines">
          <h2 id="case-lines">Lines</h2>
          <div className="table-wrap">
            <table className="data lines">
              <thead>
                <tr>
                  <th className="num">Line</th>
                  <th>SKU</th>
                  <th>Description</th>
                  <th className="num">Qty</th>
                  <th className="num">Price</th>
                  <th className="num">Extended</th>
                  <th className="num">Available</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.line}>
                    <td className="num mono" data-label="Line">
                      {line.line}
                    </td>
                    <td className="mono" data-label="SKU">
                      {line.sku}
                    </td>
                    <td data-label="Description">
                      <div>
                        {line.description}
                        {line.note ? <div className="small muted">{line.note}</div> : null}
                      </div>
                    </td>
                    <td className="num" data-label="Qty">
                      {count(line.qty)} {line.uom}
                    </td>
                    <td className="num" data-label="Price">
                      {money(line.price, currency)}
                    </td>
                    <td className="num" data-label="Extended">
                      {money(line.price * line.qty, currency)}
                    </td>
                    <td className={`num${line.available !== undefined && line.available < line.qty ? ' short' : ''}`} data-label="Available">
                      {line.available === undefined ? '–' : count(line.available)}
                    </td>
                    <td data-label="Status">{line.status ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {holds.length > 0 && (
        <section className="panel wide" aria-labelledby="case-holds">
          <h2 id="case-holds">Holds</h2>
          <ul className="holds">
            {holds.map((hold, index) => (
              <li key={`${hold.code}-${index}`}>
                <span className="hold-code">{hold.code}</span>
                <span>{hold.message}</span>
                <span className="small muted">
                  {hold.source} · {hold.raised.replace('T', ' ')}
                  {hold.level ? ` · ${hold.level} level` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel wide" aria-labelledby="case-docs">
        <h2 id="case-docs">
          Documents <span className="badge">{view.documents.length}</span>
        </h2>
        {view.documents.map((document) => (
          <article key={document.id} className={`doc doc-${document.kind}`} aria-label={`${DOC_KIND[document.kind]} from ${document.from}`}>
            <header>
              <span className="badge info">{DOC_KIND[document.kind]}</span>
              {document.revealed && <span className="badge warn">Uncovered</span>}
              <strong>{document.subject ?? document.from}</strong>
              <span className="small muted">{[document.subject ? document.from : '', document.sent?.replace('T', ' ') ?? ''].filter(Boolean).join(' · ')}</span>
            </header>
            <Markdown source={document.body} className={document.kind === 'log' ? 'doc-body mono' : 'doc-body'} />
          </article>
        ))}
      </section>
    </div>
  );
}
