import { useState } from 'react';
import { when } from '../format';
import type { SiteContext } from '../site-context';
import type { FreezeWindow, OneOffFreezeWindow, WeeklyFreezeWindow } from '../types';
import { RemoveRowButton, SaveFooter, useEditableList, useSettingsForm } from './settings-form';

const WEEKDAYS: WeeklyFreezeWindow['weekday'][] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const isWeekly = (w: FreezeWindow): w is WeeklyFreezeWindow => 'weekday' in w;
const ownTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** An instant as the value of a datetime-local input (the browser's own zone), and back. */
const toLocalInput = (iso: string) => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? ''
    : new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : at.toISOString();
};

/**
 * The owner's release rules: how many approvals a promotion needs, and the freeze windows in which promotions
 * are refused (one-off, in the browser's time; weekly, in a named time zone, across midnight when "to" < "from").
 */
export function ReleaseSettings({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const [required, setRequired] = useState(site.requiredApprovals);
  const form = useSettingsForm(async () => {
    await api.updateSite(site.slug, { requiredApprovals: required, freezeWindows: windows });
    await ctx.reloadSite();
  });
  const list = useEditableList<FreezeWindow>(site.freezeWindows, form.edited);
  const { items: windows, add, remove } = list;
  const change = (index: number, patch: Partial<OneOffFreezeWindow & WeeklyFreezeWindow>) =>
    list.change(index, patch as Partial<FreezeWindow>);
  const inAnHour = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000);

  return (
    <form className="card release-settings" aria-labelledby="release-title" onSubmit={form.onSubmit}>
      <h3 id="release-title">Release rules</h3>
      <div className="field">
        <label htmlFor="required-approvals">Approvals a promotion needs (0 to 5)</label>
        <input
          id="required-approvals"
          type="number"
          min={0}
          max={5}
          value={required}
          onChange={(e) => {
            form.edited();
            setRequired(Number(e.target.value));
          }}
          aria-describedby="approvals-hint"
        />
        <p id="approvals-hint" className="hint">
          Approvals of exactly the version promoted, by someone other than whoever promotes it. Any change to staging or
          production makes older approvals stale.
        </p>
      </div>
      <fieldset>
        <legend>Freeze windows</legend>
        {windows.length === 0 && <p className="muted">No freeze windows: promotions may run at any time.</p>}
        <ol className="freeze-windows">
          {windows.map((w, i) => (
            <li key={i} data-testid={`freeze-window-${i}`}>
              {isWeekly(w) ? (
                <>
                  <label>
                    Every{' '}
                    <select
                      value={w.weekday}
                      onChange={(e) => change(i, { weekday: e.target.value as WeeklyFreezeWindow['weekday'] })}
                    >
                      {WEEKDAYS.map((d) => (
                        <option key={d} value={d}>
                          {d}
                        </option>
                      ))}
                    </select>
                  </label>{' '}
                  <label>
                    from <input type="time" value={w.from} onChange={(e) => change(i, { from: e.target.value })} />
                  </label>{' '}
                  <label>
                    to{' '}
                    <input
                      value={w.to}
                      pattern="\d\d:\d\d"
                      size={5}
                      onChange={(e) => change(i, { to: e.target.value })}
                    />
                  </label>{' '}
                  <label>
                    time zone <input value={w.timeZone} onChange={(e) => change(i, { timeZone: e.target.value })} />
                  </label>
                </>
              ) : (
                <>
                  <label>
                    From{' '}
                    <input
                      type="datetime-local"
                      value={toLocalInput(w.start)}
                      onChange={(e) => change(i, { start: fromLocalInput(e.target.value) })}
                    />
                  </label>{' '}
                  <label>
                    until{' '}
                    <input
                      type="datetime-local"
                      value={toLocalInput(w.end)}
                      onChange={(e) => change(i, { end: fromLocalInput(e.target.value) })}
                    />
                  </label>{' '}
                  <span className="small-text">
                    ({when(w.start)} – {when(w.end)}, your time)
                  </span>
                </>
              )}{' '}
              <label>
                reason{' '}
                <input
                  value={w.reason}
                  maxLength={200}
                  required
                  onChange={(e) => change(i, { reason: e.target.value })}
                />
              </label>{' '}
              <RemoveRowButton onClick={() => remove(i)} label={`window ${i + 1}`} />
            </li>
          ))}
        </ol>
        <div className="actions">
          <button
            type="button"
            className="button secondary small"
            onClick={() =>
              add({
                start: inAnHour.toISOString(),
                end: new Date(inAnHour.getTime() + 2 * 3600_000).toISOString(),
                reason: 'Release freeze',
              })
            }
          >
            Add a one-off window
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={() =>
              add({ weekday: 'friday', from: '18:00', to: '08:00', timeZone: ownTimeZone(), reason: 'Weekend freeze' })
            }
          >
            Add a weekly window
          </button>
        </div>
        <p className="hint">
          Weekly windows follow the time zone’s clock; a “to” earlier than “from” ends the next day, and “24:00” is the
          end of the day. An owner can still promote inside a window by giving a reason, which is audited.
        </p>
      </fieldset>
      <SaveFooter form={form} label="Save release rules" />
    </form>
  );
}
