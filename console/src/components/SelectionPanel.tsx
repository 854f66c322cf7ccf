import { plural, typeLabel } from '../format';
import type { Preview } from '../types';
import { ErrorMessage, Loading } from './ui';

const OP_TEXT = { added: 'added', changed: 'changed', removed: 'removed' } as const;

/**
 * What a selective promotion would ship: the ticked changes and those they need (each with the entity that
 * needs it), or why it cannot go (references it would leave dangling).
 */
export function SelectionPanel({
  selective,
  onClear,
}: {
  selective: { preview?: Preview; error?: unknown; loading: boolean };
  onClear: () => void;
}) {
  const selection = selective.preview?.selection;
  return (
    <section className="card selection-panel" aria-labelledby="selection-title" data-testid="selection-panel">
      <h3 id="selection-title">
        Selected for promotion{' '}
        <button type="button" className="button secondary small" onClick={onClear}>
          Promote everything instead
        </button>
      </h3>
      {selective.loading && <Loading what="what the selection needs" />}
      <ErrorMessage error={selective.error} title="This selection cannot be promoted." />
      {selection && !selective.loading && (
        <>
          <p>
            {plural(selection.selected, 'selected change')}
            {selection.needed > 0 ? ` + ${plural(selection.needed, 'needed change')}` : ''}: only these go to
            production; every other change stays on staging for a later promotion.
          </p>
          <ul className="closure" aria-label="What the selection ships">
            {selection.closure.map((entry) => (
              <li key={`${entry.type}/${entry.key}`}>
                <span className={`badge op-${entry.op}`}>{OP_TEXT[entry.op]}</span> {typeLabel(entry.type)}{' '}
                <span className="key">{entry.key}</span>
                {entry.includedBecause && (
                  <span className="muted small-text">
                    {' '}
                    — included because {typeLabel(entry.includedBecause.type)} {entry.includedBecause.key} needs it
                  </span>
                )}
              </li>
            ))}
          </ul>
          {selection.closureTotal > selection.closure.length && (
            <p className="hint">and {(selection.closureTotal - selection.closure.length).toLocaleString()} more</p>
          )}
          {selection.dangling.length > 0 && (
            <div className="notice notice-error" role="alert" data-testid="selection-dangling">
              <strong>This selection would break production:</strong>
              <ul className="compact">
                {selection.dangling.map((d) => (
                  <li key={`${d.type}/${d.key}/${d.refType}/${d.refKey}`}>
                    {typeLabel(d.type)} {d.key} still uses {typeLabel(d.refType)} {d.refKey}
                  </li>
                ))}
              </ul>
              Select what still uses it too, or leave it in production.
            </div>
          )}
        </>
      )}
    </section>
  );
}
