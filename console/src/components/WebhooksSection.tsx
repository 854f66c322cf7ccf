import { useState } from 'react';
import { actorName, duration, when } from '../format';
import type { SiteContext } from '../site-context';
import type { Webhook, WebhookEvent } from '../types';
import { CopyButton, ErrorMessage, Loading, useLoad } from './ui';

// What an owner picks from; `*` and the families (`promotion.*`) are accepted by the API too.
const EVENT_GROUPS: { label: string; events: WebhookEvent[] }[] = [
  {
    label: 'Promotions',
    events: [
      'promotion.requested',
      'promotion.scheduled',
      'promotion.started',
      'promotion.succeeded',
      'promotion.failed',
      'promotion.cancelled',
      'promotion.rolled_back',
    ],
  },
  {
    label: 'Restores',
    events: ['restore.requested', 'restore.started', 'restore.succeeded', 'restore.failed', 'restore.cancelled'],
  },
  {
    label: 'Staging resets',
    events: ['reset.requested', 'reset.started', 'reset.succeeded', 'reset.failed', 'reset.cancelled'],
  },
  { label: 'Approvals', events: ['approval.created'] },
];

/** Webhooks: where release events are sent, signed, and what each receiver answered. */
export function WebhooksSection({ ctx }: { ctx: SiteContext }) {
  const { api, site, role } = ctx;
  const webhooks = useLoad(() => api.listWebhooks(site.slug), [api, site.slug]);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['promotion.succeeded', 'promotion.failed']);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const owner = role === 'owner';
  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));

  return (
    <section aria-labelledby="webhooks-title">
      <h3 id="webhooks-title">Webhooks</h3>
      <p className="muted">
        Each event is sent as a signed POST (header <code>Promote-Signature</code>, HMAC-SHA256 of the timestamp and the
        body) and retried for about 17 hours until the receiver answers 2xx.
      </p>
      {owner && (
        <form
          className="card"
          onSubmit={async (event) => {
            event.preventDefault();
            setError(undefined);
            try {
              const webhook = await api.createWebhook(site.slug, { url: url.trim(), events });
              setCreated({ url: webhook.url, secret: webhook.secret });
              setUrl('');
              webhooks.reload();
            } catch (e) {
              setError(e);
            }
          }}
        >
          <div className="field">
            <label htmlFor="webhook-url">Receiver URL</label>
            <input
              id="webhook-url"
              type="url"
              required
              maxLength={2048}
              placeholder="https://example.com/promote-hook"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </div>
          {EVENT_GROUPS.map((group) => (
            <fieldset key={group.label} className="field">
              <legend>{group.label}</legend>
              {group.events.map((name) => (
                <label key={name} className="checkbox">
                  <input
                    type="checkbox"
                    checked={events.includes(name)}
                    onChange={(e) => toggle(name, e.target.checked)}
                  />{' '}
                  <code>{name}</code>
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit" className="button primary" disabled={events.length === 0}>
            Add webhook
          </button>
        </form>
      )}
      <ErrorMessage error={error} title="The webhook was not changed." />
      {created && (
        <div className="notice notice-success" role="status">
          <p>Webhook added for {created.url}. Copy its signing secret now: it is not shown again.</p>
          <div className="copy-row">
            <label htmlFor="webhook-secret" className="visually-hidden">
              Signing secret
            </label>
            <input id="webhook-secret" readOnly value={created.secret} onFocus={(e) => e.target.select()} />
            <CopyButton text={created.secret} label="Copy secret" />
          </div>
        </div>
      )}

      <ErrorMessage error={webhooks.error} title="Cannot list the webhooks." />
      {webhooks.loading && !webhooks.data && <Loading what="webhooks" />}
      {webhooks.data && webhooks.data.items.length === 0 && <p>No webhook yet.</p>}
      {webhooks.data?.items.map((webhook) => (
        <article key={webhook.id} className="card" aria-label={`Webhook ${webhook.url}`}>
          <p>
            <strong className="break">{webhook.url}</strong>
          </p>
          <p className="muted">
            {webhook.events.join(', ')} · added {when(webhook.createdAt)} by {actorName(webhook.createdBy, ctx.actors)}
          </p>
          <button
            type="button"
            className="button secondary small"
            aria-expanded={open === webhook.id}
            onClick={() => setOpen(open === webhook.id ? null : webhook.id)}
          >
            {open === webhook.id ? 'Hide deliveries' : 'Show deliveries'}
          </button>{' '}
          {owner && (
            <button
              type="button"
              className="button danger-outline small"
              onClick={async () => {
                setError(undefined);
                try {
                  await api.deleteWebhook(site.slug, webhook.id);
                  webhooks.reload();
                } catch (e) {
                  setError(e);
                }
              }}
            >
              Delete<span className="visually-hidden"> webhook {webhook.url}</span>
            </button>
          )}
          {open === webhook.id && <DeliveryLog ctx={ctx} webhook={webhook} />}
        </article>
      ))}
    </section>
  );
}

/** One webhook's deliveries, newest first, with every attempt (the receiver's answer shown as text). */
function DeliveryLog({ ctx, webhook }: { ctx: SiteContext; webhook: Webhook }) {
  const { api, site } = ctx;
  const log = useLoad(() => api.webhookDeliveries(site.slug, webhook.id), [api, site.slug, webhook.id]);
  if (log.error) return <ErrorMessage error={log.error} title="Cannot read the delivery log." />;
  if (!log.data) return <Loading what="deliveries" />;
  if (!log.data.items.length) return <p>Nothing delivered yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Deliveries to {webhook.url}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {log.data.items.map((delivery) => (
            <tr key={delivery.id}>
              <td>
                <code>{delivery.event}</code>
                <br />
                <span className="muted">{when(delivery.createdAt)}</span>
              </td>
              <td>
                <span className={`badge delivery-${delivery.status}`}>{delivery.status}</span>
                {delivery.nextAttemptAt && <div className="muted">next try {when(delivery.nextAttemptAt)}</div>}
              </td>
              <td>
                <ol className="attempts">
                  {delivery.attempts.map((attempt) => (
                    <li key={attempt.number}>
                      {when(attempt.at)}: {attempt.statusCode ?? 'no answer'} in {duration(attempt.durationMs)}
                      {attempt.error && <span className="muted"> — {attempt.error}</span>}
                      {attempt.responseExcerpt && <pre className="excerpt">{attempt.responseExcerpt}</pre>}
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
