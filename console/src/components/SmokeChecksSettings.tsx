import type { SiteContext } from '../site-context';
import type { SmokeCheck } from '../types';
import { RemoveRowButton, SaveFooter, useEditableList, useSettingsForm } from './settings-form';

const MAX_CHECKS = 20;

/**
 * The owner's smoke checks: pages production must answer after every promotion's swap (a status, and text the
 * page contains), checked with the home page and the changed pages; one that fails rolls the promotion back.
 */
export function SmokeChecksSettings({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const form = useSettingsForm(async () => {
    // An empty "contains" means none: the API refuses an empty string.
    const smokeChecks = checks.map(({ contains, ...check }) => (contains ? { ...check, contains } : check));
    await api.updateSite(site.slug, { smokeChecks });
    await ctx.reloadSite();
  });
  const { items: checks, change, add, remove } = useEditableList<SmokeCheck>(site.smokeChecks, form.edited);

  return (
    <form className="card smoke-checks" aria-labelledby="smoke-checks-title" onSubmit={form.onSubmit}>
      <h3 id="smoke-checks-title">Smoke checks after a promotion</h3>
      <p className="hint">
        Right after the swap, while production still shows the maintenance page, the home page, the first 50 changed
        pages and these checks are rendered. Any error, any 5xx or a check that does not hold swaps production back to
        the previous version.
      </p>
      {checks.length === 0 && <p className="muted">No smoke checks: only the home page and the changed pages.</p>}
      <ol className="smoke-check-list">
        {checks.map((check, i) => (
          <li key={i} data-testid={`smoke-check-${i}`}>
            <label>
              Path{' '}
              <input
                value={check.path}
                required
                maxLength={2000}
                pattern="/.*"
                onChange={(e) => change(i, { path: e.target.value })}
              />
            </label>{' '}
            <label>
              answers{' '}
              <input
                type="number"
                min={100}
                max={599}
                required
                value={check.status}
                onChange={(e) => change(i, { status: Number(e.target.value) })}
              />
            </label>{' '}
            <label>
              containing{' '}
              <input
                value={check.contains ?? ''}
                maxLength={500}
                placeholder="(any text)"
                onChange={(e) => change(i, { contains: e.target.value })}
              />
            </label>{' '}
            <RemoveRowButton onClick={() => remove(i)} label={`check ${i + 1}`} />
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button secondary small"
          disabled={checks.length >= MAX_CHECKS}
          onClick={() => add({ path: '/', status: 200 })}
        >
          Add a check
        </button>
      </div>
      <SaveFooter form={form} label="Save smoke checks" />
    </form>
  );
}
