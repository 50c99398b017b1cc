import { parseMarkdown, type Inline } from '../domain/text/mini-markdown.ts';

function Runs({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((run, index) =>
        run.br ? (
          <br key={index} />
        ) : run.bold ? (
          <strong key={index}>{run.text}</strong>
        ) : run.italic ? (
          <em key={index}>{run.text}</em>
        ) : run.code ? (
          <code key={index}>{run.text}</code>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}

/** Author and trainee text as escaped elements: React escapes every run, no HTML is passed through. */
export default function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className}>
      {parseMarkdown(source).map((block, index) => {
        switch (block.kind) {
          case 'p':
            return (
              <p key={index}>
                <Runs inlines={block.inlines} />
              </p>
            );
          case 'h':
            return (
              <p key={index}>
                <strong>
                  <Runs inlines={block.inlines} />
                </strong>
              </p>
            );
          case 'pre':
            return <pre key={index}>{block.text}</pre>;
          case 'table':
            return (
              <div key={index} className="table-wrap">
                <table className="data">
                  <thead>
                    <tr>
                      {block.head.map((cell, cellIndex) => (
                        <th key={cellIndex}>
                          <Runs inlines={cell} />
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, rowIndex) => (
                      <tr key={rowIndex}>
                        {row.map((cell, cellIndex) => (
                          <td key={cellIndex}>
                            <Runs inlines={cell} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          case 'ul':
          case 'ol': {
            const List = block.kind;
            return (
              <List key={index}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>
                    <Runs inlines={item} />
                  </li>
                ))}
              </List>
            );
          }
        }
      })}
    </div>
  );
}
