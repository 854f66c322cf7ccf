import { Injectable } from '@nestjs/common';
import type { AuditLogEntry } from '../audit/audit.service';
import { ChangelogService } from '../changelog/changelog.service';
import { JobsService } from '../jobs/jobs.service';
import { isUuid } from '../platform/validation/id.pipe';
import { SitesService } from '../sites/sites.service';
import { statusOfEvent } from './webhook-events';
import type { WebhookPayload } from './webhooks.dto';

// Events after which the job's new state is final and its changelog worth telling.
const WITH_CHANGELOG = /\.(succeeded|rolled_back|scheduled)$/;

/** The body of an event's deliveries, built once per event and stored, so every retry sends the same bytes. */
@Injectable()
export class WebhookPayloads {
  constructor(
    private readonly sites: SitesService,
    private readonly jobs: JobsService,
    private readonly changelogs: ChangelogService,
  ) {}

  /** Null when the site is gone (deleted since: nobody left to tell). */
  async build(entry: AuditLogEntry, event: string): Promise<WebhookPayload | null> {
    const site = await this.sites.findBySlugOrId(entry.siteId!);
    if (!site) return null;
    const job = entry.subject && isUuid(entry.subject) ? await this.jobs.findForSite(site.id, entry.subject) : null;
    const changelog = job && WITH_CHANGELOG.test(event) ? await this.changelogs.ofJob(job) : null;
    const status = statusOfEvent(event) ?? job?.status;
    return {
      id: `evt_${entry.id}`,
      event,
      occurredAt: new Date(entry.createdAt).toISOString(),
      site: { id: site.id, slug: site.slug },
      job: job && {
        id: job.id,
        kind: job.kind,
        status: status ?? job.status,
        fromVersion: job.fromVersion,
        toVersion: job.toVersion,
        snapshotId: job.snapshotId,
        error: status === 'failed' && job.error ? { code: job.error.code, message: job.error.message } : null,
      },
      changelog: changelog?.summary ?? null,
      details: entry.details ?? {},
    };
  }
}
