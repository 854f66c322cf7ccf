import { useState } from 'react';
import type { Api } from '../api';
import { CONTENT_TYPES, type ContentType, type Snapshot } from '../types';
import { JobProgress } from './JobProgress';
import { ErrorMessage } from './ui';

/**
 * Takes one entity of production back to a snapshot (with what it needs that production lacks), leaving the
 * rest of production as it is: a restore job of that entity alone.
 */
export function RevertEntityForm({
  api,
  slug,
  snapshots,
  onEnd,
}: {
  api: Api;
  slug: string;
  snapshots: Snapshot[];
  onEnd: () => void;
}) {
  const [snapshotId, setSnapshotId] = useState(snapshots[0]?.id ?? '');
  const [type, setType] = useState<ContentType>('page');
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>();
  const [jobId, setJobId] = useState<string | null>(null);
  const chosen = snapshots.find((s) => s.id === snapshotId) ?? snapshots[0];
  if (!chosen) return null;
  return (
    <form
      className="inline-form card"
      aria-labelledby="revert-title"
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        api
          .revertToSnapshot(slug, chosen.id, [{ type, key: key.trim() }])
          .then((job) => setJobId(job.id))
          .catch(setError);
      }}
    >
      <h3 id="revert-title">Revert one entity</h3>
      <div className="field">
        <label htmlFor="revert-snapshot">To snapshot</label>
        <select id="revert-snapshot" value={chosen.id} onChange={(e) => setSnapshotId(e.target.value)}>
          {snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label} (v{s.productionVersion})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="revert-type">Type</label>
        <select id="revert-type" value={type} onChange={(e) => setType(e.target.value as ContentType)}>
          {CONTENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="revert-key">Key</label>
        <input id="revert-key" value={key} required maxLength={128} onChange={(e) => setKey(e.target.value)} />
      </div>
      <button type="submit" className="button secondary" disabled={!key.trim()}>
        Revert this entity
      </button>
      <ErrorMessage error={error} title="The revert did not start." />
      {jobId && (
        <JobProgress
          key={jobId}
          api={api}
          jobId={jobId}
          title={`Reverting ${type} “${key}” to “${chosen.label}”`}
          describeSuccess={(job) => `Production is now version ${job.toVersion ?? '?'}; nothing else changed.`}
          onEnd={onEnd}
        />
      )}
    </form>
  );
}
