import type { SiteContext } from '../site-context';
import { WebhooksSection } from './WebhooksSection';

/** The site's settings (owners change them; editors see them). */
export function SettingsPage({ ctx }: { ctx: SiteContext }) {
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <WebhooksSection ctx={ctx} />
    </section>
  );
}
