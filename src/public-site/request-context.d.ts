import type { HostRoute } from './host-directory.service';
import type { SiteTarget } from './site-target';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the host routing middleware when the Host is one of an environment's domains. */
    hostRoute?: HostRoute;
    /** A review link's token taken out of the URL (?review=) on arrival, so no log line ever holds it. */
    reviewQuery?: string;
    /** Set by the SiteTargetGuard on public site routes. */
    siteTarget?: SiteTarget;
  }
}
