import { useEffect, useRef } from 'react';
import type { TheirDraft } from './draft-api.ts';

interface Props {
  theirs: TheirDraft;
  onReload: () => void;
  onKeepMine: () => void;
  onMerge: () => void;
  busy: boolean;
}

/** A save that met someone else's: the three ways on, never a silent overwrite. */
export default function ConflictPanel({ theirs, onReload, onKeepMine, onMerge, busy }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [theirs.version]);
  const who = theirs.updatedBy ?? 'someone else';
  const at = theirs.updatedAt ? ` on ${new Date(theirs.updatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}` : '';
  return (
    <section className="notice bad conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" tabIndex={-1} ref={heading}>
        Not saved: {who} saved this draft{at}
      </h2>
      <p>Their version {theirs.version} came after the one you started from. Choose how to go on; nothing is lost until you save.</p>
      <div className="conflict-actions">
        <button type="button" className="primary" onClick={onMerge} disabled={busy}>
          Merge their changes into mine
        </button>
        <button type="button" className="secondary" onClick={onReload} disabled={busy}>
          Reload theirs and drop mine
        </button>
        <button type="button" className="secondary" onClick={onKeepMine} disabled={busy}>
          Keep mine and save over theirs
        </button>
      </div>
    </section>
  );
}
