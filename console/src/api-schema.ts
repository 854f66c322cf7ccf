// Generated from docs/openapi.json by `npm run openapi`; do not edit by hand.
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the database, Redis and S3 answer */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This process's Prometheus metrics (every role serves its own) */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The site's audit log, newest first */
    get: operations['listAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who the caller is: admin or a site token, its role and its site */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the site's tokens */
    get: operations['listTokens'];
    put?: never;
    /** Create a site token (its secret is shown once) */
    post: operations['createToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a token */
    delete: operations['revokeToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotions/{id}/changelog': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a promotion changed, in words: JSON, or Markdown (Accept: text/markdown) */
    get: operations['getPromotionChangelog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/content/{type}/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or replace a staging entity (validated per type) */
    put: operations['putStagingContent'];
    post?: never;
    /** Delete a staging entity */
    delete: operations['deleteStagingContent'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/content/{type}/{key}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a page's or post's draft */
    post: operations['publishContent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/content/{type}/{key}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Unpublish a page or post */
    post: operations['unpublishContent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/production/content/{type}/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Break-glass write to production (owners, with X-Break-Glass; audited) */
    put: operations['putProductionContent'];
    post?: never;
    /** Break-glass delete from production (owners, with X-Break-Glass; audited) */
    delete: operations['deleteProductionContent'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/{env}/content/{type}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List an environment's entities of one type */
    get: operations['listContent'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/{env}/content/{type}/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one entity of an environment */
    get: operations['getContent'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import up to 1,000 staging entities in one transaction */
    post: operations['importStagingContent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/adopt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Keep production's version of one entity in staging (its draft and published body; audited)
     * @description Copies production's current revision of the entity into staging, or removes the entity from staging when production no longer has it; the entity then no longer shows as drift in the preview.
     */
    post: operations['adoptProductionContent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/{env}/domains': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An environment's domains */
    get: operations['getDomains'];
    /** Set an environment's domains */
    put: operations['putDomains'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/{env}/variables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An environment's variables (secrets masked) */
    get: operations['getVariables'];
    /** Set an environment's variables (referenced from content as {{env.NAME}}) */
    put: operations['putVariables'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/gc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Collect garbage now: unreferenced states, revisions and media */
    post: operations['collectGarbage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A job (a site token sees its own site's jobs only) */
    get: operations['getJob'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A job's progress as server-sent events until it ends */
    get: operations['streamJobEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a stuck or scheduled job (site owner or admin; audited)
     * @description Cancels a scheduled job before it fires (it never runs). Ends a queued job, or a running one whose worker is gone, as cancelled, and frees the site for the next promotion. A maintenance lease the job holds is released; production stays on the state it has (the old one, or the new one if the swap already happened), never a mix. Cancelling a cancelled job answers it again.
     */
    post: operations['cancelJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/self-test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check that a worker takes jobs */
    post: operations['startSelfTest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/production/maintenance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Take production's maintenance window (a lease with a TTL) */
    put: operations['takeMaintenance'];
    post?: never;
    /** End the owner's maintenance window */
    delete: operations['releaseMaintenance'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a media file to staging (multipart) */
    post: operations['uploadMedia'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/{env}/media/{key}/content': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A media file's bytes (Range and If-None-Match honoured) */
    get: operations['getMediaContent'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotion/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Preview a promotion: the diff and its fingerprint
     * @description With entities and/or types, the preview of a selective promotion (see POST …/promotion/preview); a URL holds some hundred entities, POST the preview for more.
     */
    get: operations['previewPromotion'];
    put?: never;
    /**
     * Preview a selective promotion (or, without select, the whole one)
     * @description The candidate is production's head plus the selected staging changes (added, changed or removed), closed over references: a page brings its forms, media, layout and components, a record its object type and fields, a form its integrations, when staging has them otherwise than production. `selection.closure` lists each change with `includedBecause`, `selection.dangling` what it would leave dangling; the fingerprint covers the selection.
     */
    post: operations['previewSelectedPromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Promotion history, newest first (?status=scheduled: the schedules) */
    get: operations['listPromotions'];
    put?: never;
    /**
     * Promote staging to production, now or at runAt
     * @description With runAt the job is `scheduled`: the candidate is validated and built now as a pinned state, which is what goes live at runAt (staging edits made meanwhile are not). It blocks nothing until it fires; then, if production's head moved since the preview, it fails with stale_preview. One schedule per site (409 schedule_exists). A schedule missed while no worker was up runs at once on recovery, with `result.late`.
     */
    post: operations['startPromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotions/{id}/undo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Undo a promotion
     * @description Restores the state production had before the promotion, as a restore job (production version + 1), only while production's head is still what that promotion put live; else 409 undo_unavailable naming the current head.
     */
    post: operations['undoPromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotions/{id}/revert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revert some entities to before a promotion
     * @description Production's head with these entities as they were before the promotion (removed where they did not exist), and what they refer to that production lacks; a restore job (production version + 1).
     */
    post: operations['revertPromotionEntities'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotion/checks/fix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Apply a launch check's fix
     * @description Writes the fix of a check of the current report into staging (today a 301 redirect), through the normal staging write path: versioned and audited like any edit. The next preview no longer has the check.
     */
    post: operations['fixLaunchCheck'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotion/approvals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest approvals, each current or stale, and how many a promotion needs */
    get: operations['listApprovals'];
    put?: never;
    /** Approve the current preview (its fingerprint); approving it again answers the same approval */
    post: operations['approvePreview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/review-links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List review links */
    get: operations['listReviewLinks'];
    put?: never;
    /** Create a review link to staging for clients */
    post: operations['createReviewLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/review-links/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a review link */
    delete: operations['revokeReviewLink'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List sites (a site token sees its own site only) */
    get: operations['listSites'];
    put?: never;
    /** Create a site with its staging and production environments */
    post: operations['createSite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A site and its environments */
    get: operations['getSite'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change site settings (trusted custom code, required approvals, freeze windows, smoke checks), all or none, audited */
    patch: operations['updateSite'];
    trace?: never;
  };
  '/api/sites/{site}/snapshots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List snapshots, newest first */
    get: operations['listSnapshots'];
    put?: never;
    /** Pin production's current state as a snapshot */
    post: operations['createSnapshot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/snapshots/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restore a snapshot into production */
    post: operations['restoreSnapshot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/snapshots/{id}/revert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revert some entities of production to a snapshot
     * @description Production's head with these entities taken from the snapshot (removed where it lacks them), and what they refer to that production lacks; a restore job (production version + 1). 409 dangling_references or route_taken fail the job.
     */
    post: operations['revertToSnapshot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/snapshots/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a snapshot */
    delete: operations['deleteSnapshot'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset staging to a copy of production, or of a snapshot's state (old staging kept as a backup) */
    post: operations['resetStaging'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/backups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The staging states that resets overwrote, newest first */
    get: operations['listStagingBackups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/staging/backups/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a staging backup back into staging */
    post: operations['restoreStagingBackup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/{env}/submissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Form submissions, newest first */
    get: operations['listSubmissions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/{env}/analytics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Analytics totals, by path and by event */
    get: operations['getAnalytics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/{env}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active visitor sessions */
    get: operations['listSessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotion/preview/visual': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A preview's visual diff: each changed page before and after, at each width
     * @description The first call queues the comparisons (Chromium on the workers); poll until `status` is `ready`. Cached by production's head state, the candidate (the fingerprint), path and width: another preview of the same two states renders nothing. `unavailable` (with the reason) where no Chromium is installed. A selective preview's fingerprint needs its selection (entities, types): its pages are the closure's, and "after" is the candidate (production's head with the closure), not staging.
     */
    get: operations['getVisualDiff'];
    put?: never;
    /**
     * A selective preview's visual diff (or, without select, the whole one's), the selection in the body
     * @description As GET …/preview/visual, for a selection too long for a URL.
     */
    post: operations['postVisualDiff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/promotion/visual-diffs/{id}/{image}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of a page's visual diff PNGs: before (production), after (candidate) or heatmap */
    get: operations['getVisualDiffImage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the site's webhooks (never their secrets) */
    get: operations['listWebhooks'];
    put?: never;
    /** Add a webhook: signed deliveries of release events, retried for hours */
    post: operations['createWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a webhook and its delivery log */
    delete: operations['deleteWebhook'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sites/{site}/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook's deliveries, newest first, with every attempt */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorResponse: {
      error: {
        /**
         * @description snake_case; never changes once shipped
         * @enum {string}
         */
        code:
          | 'validation_failed'
          | 'malformed_json'
          | 'invalid_key'
          | 'invalid_confirmation'
          | 'invalid_event'
          | 'media_not_uploaded'
          | 'media_mismatch'
          | 'invalid_unicode'
          | 'too_deep'
          | 'empty_selection'
          | 'duplicate_selection'
          | 'unknown_entities'
          | 'unauthenticated'
          | 'review_link_invalid'
          | 'forbidden'
          | 'production_read_only'
          | 'not_found'
          | 'conflict'
          | 'route_taken'
          | 'domain_taken'
          | 'stale_preview'
          | 'promotion_in_progress'
          | 'job_in_progress'
          | 'job_finished'
          | 'dangling_references'
          | 'variables_missing'
          | 'changelog_unavailable'
          | 'approval_required'
          | 'promotion_frozen'
          | 'schedule_exists'
          | 'undo_unavailable'
          | 'revert_unavailable'
          | 'production_drift'
          | 'launch_checks_failed'
          | 'check_not_found'
          | 'check_not_fixable'
          | 'payload_too_large'
          | 'range_not_satisfiable'
          | 'unsupported_media_type'
          | 'rate_limited'
          | 'internal'
          | 'unavailable';
        /** @description a sentence for people; may change */
        message: string;
        /** @description validation: one {path, message} per problem; a conflict: what it conflicts with */
        details: unknown[];
      };
    };
    Me: {
      /**
       * @description the platform admin, or a site token
       * @enum {string}
       */
      principal: 'admin' | 'token';
      /** @enum {string} */
      role: 'admin' | 'owner' | 'editor' | 'reviewer';
      /** @description a token's site; null for the admin */
      site: {
        /** Format: uuid */
        id: string;
        slug: string;
      } | null;
      /**
       * Format: uuid
       * @description tokens only
       */
      tokenId?: string;
      /** @description tokens only: the token's label */
      label?: string;
    };
    Site: {
      /** Format: uuid */
      id: string;
      slug: string;
      name: string;
      /** Format: date-time */
      createdAt: string;
      trustedCustomCode: boolean;
      requiredApprovals: number;
      freezeWindows: (components['schemas']['OneOffFreezeWindow'] | components['schemas']['WeeklyFreezeWindow'])[];
      smokeChecks: components['schemas']['SmokeCheck'][];
      environments: {
        staging: {
          version: number;
          /** Format: date-time */
          resetAt: string | null;
        };
        production: {
          version: number;
          stateId: number | null;
          maintenance: {
            reason: string | null;
            holder: string | null;
            /** Format: date-time */
            until: string;
          } | null;
        };
      };
    };
    /** @description from start up to (not at) end */
    OneOffFreezeWindow: {
      /**
       * Format: date-time
       * @description ISO 8601 with an offset or Z
       */
      start: string;
      /**
       * Format: date-time
       * @description ISO 8601 with an offset or Z
       */
      end: string;
      /** @description shown to whoever is refused */
      reason: string;
    };
    /** @description every week on weekday, from the wall-clock time "from" to "to" in timeZone; a "to" before "from" ends the next day (across midnight), "24:00" is the end of the day */
    WeeklyFreezeWindow: {
      /** @enum {string} */
      weekday: 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
      /** @description HH:MM */
      from: string;
      /** @description HH:MM or 24:00 */
      to: string;
      /** @description IANA */
      timeZone: string;
      /** @description shown to whoever is refused */
      reason: string;
    };
    SmokeCheck: {
      /** @description a path of the site starting with '/' (no query, fragment, spaces or '..' segments) */
      path: string;
      /** @description the HTTP status it must answer */
      status: number;
      /** @description text the body must contain, as served or HTML-escaped (so "Tea & cake" matches "Tea &amp; cake") */
      contains?: string;
    };
    SiteToken: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      siteId: string;
      /** @enum {string} */
      role: 'owner' | 'editor' | 'reviewer';
      label: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastUsedAt: string | null;
      /** Format: date-time */
      revokedAt: string | null;
    };
    CreatedSiteToken: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      siteId: string;
      /** @enum {string} */
      role: 'owner' | 'editor' | 'reviewer';
      label: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastUsedAt: string | null;
      /** Format: date-time */
      revokedAt: string | null;
      /** @description the secret, shown this once; only its hash is stored */
      token: string;
    };
    Entity: {
      /** @enum {string} */
      type:
        | 'page'
        | 'post'
        | 'theme'
        | 'stylesheet'
        | 'layout'
        | 'component_override'
        | 'custom_object_type'
        | 'custom_field'
        | 'custom_object'
        | 'form'
        | 'popup'
        | 'integration'
        | 'site_settings'
        | 'redirect'
        | 'robots_txt'
        | 'consent_rule'
        | 'media';
      key: string;
      /** @description the body (the draft, for pages and posts); its schema is the type's <Type>Data */
      data: unknown;
      /** @description staging pages and posts: the published body, or null */
      published?: unknown;
      /** @description the body's content hash */
      revision: string;
      publishedRevision?: string | null;
      version: number;
      /** Format: date-time */
      updatedAt?: string;
    };
    AdoptResult: {
      /** @enum {string} */
      type:
        | 'page'
        | 'post'
        | 'theme'
        | 'stylesheet'
        | 'layout'
        | 'component_override'
        | 'custom_object_type'
        | 'custom_field'
        | 'custom_object'
        | 'form'
        | 'popup'
        | 'integration'
        | 'site_settings'
        | 'redirect'
        | 'robots_txt'
        | 'consent_rule'
        | 'media';
      key: string;
      /**
       * @description copied: staging now has production's body; removed: production no longer has it, nor does staging
       * @enum {string}
       */
      op: 'copied' | 'removed';
      entity: components['schemas']['Entity'] | null;
    };
    ImportResult: {
      imported: number;
      created: number;
      updated: number;
      unchanged: number;
      /** @description staging's version after the import */
      stagingVersion: number;
    };
    UploadedMedia: {
      key: string;
      sha256: string;
      size: number;
      contentType: string;
      alt?: string;
      /** @description the media entity's staging version */
      version: number;
    };
    AuditRecord: {
      id: string;
      /** @description "admin" or "token:<id>" */
      actor: string;
      actorRole: string;
      /** @description e.g. promotion.started, token.created */
      action: string;
      subject: string | null;
      details: {
        [key: string]: unknown;
      };
      requestId: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    Job: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'promotion' | 'restore' | 'reset' | 'staging_backup_restore' | 'self_test';
      /**
       * Format: uuid
       * @description the site's id
       */
      site: string | null;
      /** @enum {string} */
      status: 'scheduled' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'rolled_back';
      /** @description the step running or last run */
      step: string | null;
      progress: number;
      steps: {
        name: string;
        /** @enum {string} */
        status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
        /** Format: date-time */
        startedAt: string | null;
        /** Format: date-time */
        finishedAt: string | null;
      }[];
      fromVersion: number | null;
      toVersion: number | null;
      /** Format: uuid */
      snapshotId: string | null;
      timings: {
        totalMs?: number;
        maintenanceMs?: number;
        /** @description a promotion's post-swap check: from the swap to the verdict */
        verifyMs: number;
        /** @description a swapping job: its lease taken to the head swapped (one statement); maintenanceMs adds the check */
        swapMs: number;
      } | null;
      error: {
        code: string;
        message: string;
        details?: unknown[];
      } | null;
      note: string | null;
      /** @description what the job reports (a scheduled promotion: `stateId`, the state pinned when it was scheduled; once it fires, `lateByMs` from runAt to its start and `late`, true when it was missed and ran on recovery; a promotion: `verification`, its post-swap check, `{verdict: "passed"|"rolled_back", checked, failures: [{url, path, check, expected, status, error?}]}`) */
      result: {
        [key: string]: unknown;
      };
      /** @description "admin" or "token:<id>" */
      createdBy: string | null;
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      /**
       * Format: date-time
       * @description when a scheduled job fires (null: it ran at once)
       */
      runAt: string | null;
    };
    ChangeCounts: {
      added: number;
      changed: number;
      removed: number;
      unchanged: number;
      /** @description entities that production changed since staging was in step with it */
      drift?: number;
    };
    BodyChange: {
      /** @enum {string} */
      op: 'added' | 'changed' | 'removed';
      /** @description changed: jsondiffpatch's delta */
      delta?: unknown;
      /** @description added: the new body; removed: the old one */
      data?: unknown;
    };
    PreviewChange: {
      /** @enum {string} */
      type:
        | 'page'
        | 'post'
        | 'theme'
        | 'stylesheet'
        | 'layout'
        | 'component_override'
        | 'custom_object_type'
        | 'custom_field'
        | 'custom_object'
        | 'form'
        | 'popup'
        | 'integration'
        | 'site_settings'
        | 'redirect'
        | 'robots_txt'
        | 'consent_rule'
        | 'media';
      key: string;
      /** @enum {string} */
      op: 'added' | 'changed' | 'removed';
      /** @description changed: jsondiffpatch's delta from production's body to staging's */
      delta?: unknown;
      /** @description added: staging's body; removed: production's body */
      data?: unknown;
      staging: {
        /** @description null: not in this environment */
        version: number | null;
      };
      production: {
        /** @description null: not in this environment */
        version: number | null;
      };
      /** @description production changed this entity since staging was last in step with it (its last reset or promotion) */
      drift: boolean;
      /** @description with drift: production's own change, from staging's base state to production's head */
      productionChange?: components['schemas']['BodyChange'];
      includedBecause?: components['schemas']['EntityRef'] | null;
    };
    EntityRef: {
      type: string;
      key: string;
    };
    PreviewSelection: {
      entities: components['schemas']['EntityRef'][];
      types: string[];
      /** @description changes the selection names, directly or by type */
      selected: number;
      /** @description changes it brings because a selected one needs them */
      needed: number;
      /** @description every change the candidate ships (the first 1,000), in type and key order */
      closure: {
        type: string;
        key: string;
        /** @enum {string} */
        op: 'added' | 'changed' | 'removed';
        requested: boolean;
        includedBecause: components['schemas']['EntityRef'] | null;
      }[];
      closureTotal: number;
      /** @description named entities that change nothing */
      unchanged: components['schemas']['EntityRef'][];
      /** @description references the candidate would leave dangling (promoting it answers 409 dangling_references) */
      dangling: {
        type: string;
        key: string;
        refType: string;
        refKey: string;
      }[];
    };
    LaunchCheck: {
      /** @enum {string} */
      code:
        | 'url_removed_without_redirect'
        | 'robots_blocks_all'
        | 'robots_hides_pages'
        | 'site_noindex'
        | 'page_noindex'
        | 'canonical_changed'
        | 'broken_internal_link'
        | 'missing_media'
        | 'redirect_chain'
        | 'redirect_loop'
        | 'tracking_before_consent'
        | 'variable_missing'
        | 'sitemap_changed'
        | 'design_not_selected';
      /**
       * @description an error blocks the promotion
       * @enum {string}
       */
      severity: 'error' | 'warning' | 'info';
      /** @description the entity it is about (or variable, sitemap) */
      type: string;
      key: string;
      message: string;
      /** @description a staging write that makes the check pass: POST …/promotion/checks/fix applies it */
      fix?: {
        /** @enum {string} */
        type: 'redirect';
        key: string;
        data: {
          from: string;
          to: string;
          /** @enum {integer} */
          status: 301;
        };
      };
      /** @description the facts behind the message (paths, media keys, scripts…) */
      details?: Record<string, never>;
    };
    FixedCheck: {
      check: components['schemas']['LaunchCheck'];
      entity: components['schemas']['Entity'];
    };
    Preview: {
      /** @description what POST …/promotions must send back */
      fingerprint: string;
      staging: {
        version: number;
      };
      production: {
        version: number;
        stateId: number;
      };
      summary: {
        added: number;
        changed: number;
        removed: number;
        unchanged: number;
        /** @description entities that production changed since staging was in step with it */
        drift: number;
        /** @description per content type */
        byType: {
          [key: string]: components['schemas']['ChangeCounts'];
        };
      };
      changes: components['schemas']['PreviewChange'][];
      nextCursor: string | null;
      /** @description the launch report of the whole promotion (the first 500, errors first), on every page */
      checks: components['schemas']['LaunchCheck'][];
      checkSummary: {
        error: number;
        warning: number;
        info: number;
      };
      /** @description a selective preview's: the selection and the closure it ships */
      selection?: components['schemas']['PreviewSelection'];
    };
    PromotionRecord: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'promotion' | 'restore' | 'reset' | 'staging_backup_restore' | 'self_test';
      /**
       * Format: uuid
       * @description the site's id
       */
      site: string | null;
      /** @enum {string} */
      status: 'scheduled' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'rolled_back';
      /** @description the step running or last run */
      step: string | null;
      progress: number;
      steps: {
        name: string;
        /** @enum {string} */
        status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
        /** Format: date-time */
        startedAt: string | null;
        /** Format: date-time */
        finishedAt: string | null;
      }[];
      fromVersion: number | null;
      toVersion: number | null;
      /** Format: uuid */
      snapshotId: string | null;
      timings: {
        totalMs?: number;
        maintenanceMs?: number;
        /** @description a promotion's post-swap check: from the swap to the verdict */
        verifyMs: number;
        /** @description a swapping job: its lease taken to the head swapped (one statement); maintenanceMs adds the check */
        swapMs: number;
      } | null;
      error: {
        code: string;
        message: string;
        details?: unknown[];
      } | null;
      note: string | null;
      /** @description what the job reports (a scheduled promotion: `stateId`, the state pinned when it was scheduled; once it fires, `lateByMs` from runAt to its start and `late`, true when it was missed and ran on recovery; a promotion: `verification`, its post-swap check, `{verdict: "passed"|"rolled_back", checked, failures: [{url, path, check, expected, status, error?}]}`) */
      result: {
        [key: string]: unknown;
      };
      /** @description "admin" or "token:<id>" */
      createdBy: string | null;
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      /**
       * Format: date-time
       * @description when a scheduled job fires (null: it ran at once)
       */
      runAt: string | null;
      summary: components['schemas']['ChangeCounts'] | null;
      /** @description whether production was pinned as a snapshot before the swap */
      snapshot: boolean;
      /** @description the zone a scheduled promotion was written in */
      timeZone: string | null;
    };
    Changelog: {
      /** Format: uuid */
      jobId: string;
      kind: string;
      fromVersion: number | null;
      /** @description null until the swap */
      toVersion: number | null;
      /** @description e.g. "3 pages changed: Home, About, Menu; 1 form added: Contact" */
      summary: string;
      counts: {
        added: number;
        changed: number;
        removed: number;
      };
      groups: {
        /** @enum {string} */
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        /** @enum {string} */
        op: 'added' | 'changed' | 'removed';
        count: number;
        /** @description the first 20, by key: titles, else keys */
        names: string[];
      }[];
    };
    Approval: {
      /** Format: uuid */
      id: string;
      fingerprint: string;
      /** @description its fingerprint is the current preview's; otherwise it is stale */
      current: boolean;
      approver: {
        /** @enum {string} */
        kind: 'token' | 'admin' | 'review_link';
        /**
         * Format: uuid
         * @description token: null once the token is deleted
         */
        tokenId?: string | null;
        /**
         * Format: uuid
         * @description review_link
         */
        reviewLinkId?: string | null;
        /** @description token: the token's role; admin: admin */
        role?: string;
        /** @description the token's or review link's label */
        label: string;
        /** @description review_link: the name the client typed */
        name?: string;
      };
      staging: {
        version: number;
      };
      production: {
        version: number;
      };
      comment: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    ApprovalList: {
      /** @description the site's setting */
      requiredApprovals: number;
      /** @description the current preview's */
      fingerprint: string;
      staging: {
        version: number;
      };
      production: {
        version: number;
      };
      /** @description newest first, the last 100 */
      items: components['schemas']['Approval'][];
    };
    Snapshot: {
      /** Format: uuid */
      id: string;
      label: string;
      productionVersion: number;
      stateId: number;
      entityCount: number;
      /** @enum {string} */
      origin: 'manual' | 'promotion';
      /**
       * Format: uuid
       * @description the promotion that took it
       */
      jobId: string | null;
      createdBy: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    StagingBackup: {
      /** Format: uuid */
      id: string;
      /**
       * @description what overwrote this staging state
       * @enum {string}
       */
      reason: 'reset' | 'backup_restore';
      stagingVersion: number;
      entityCount: number;
      /** Format: uuid */
      jobId: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    CollectResult: {
      /** @description content states deleted */
      states: number;
      revisions: number;
      blobs: {
        staging: number;
        production: number;
      };
      /** @description how long the collection took */
      ms: number;
    };
    Maintenance: {
      reason: string;
      /** @description who holds the lease */
      holder: string;
      /** Format: date-time */
      until: string;
    };
    ReviewLink: {
      /** Format: uuid */
      id: string;
      label: string;
      /** Format: date-time */
      expiresAt: string;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      revokedAt: string | null;
      /** @enum {string} */
      status: 'active' | 'expired' | 'revoked';
    };
    CreatedReviewLink: {
      /** Format: uuid */
      id: string;
      label: string;
      /** Format: date-time */
      expiresAt: string;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      revokedAt: string | null;
      /** @enum {string} */
      status: 'active' | 'expired' | 'revoked';
      /** @description the preview URL for the client, with its secret; shown this once */
      url: string;
    };
    Domains: {
      domains: {
        host: string;
        primary: boolean;
      }[];
    };
    Variables: {
      variables: {
        [key: string]: {
          /** @description null for a secret: it is write-only */
          value: string | null;
          secret: boolean;
          /** @description a secret, shown as •••• and its last 2 characters */
          masked: string;
        };
      };
    };
    Submission: {
      id: string;
      /** @description the form's key */
      form: string;
      /** @description the form's field values */
      data: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      createdAt: string;
    };
    Analytics: {
      total: number;
      byPath: {
        [key: string]: number;
      };
      byEvent: {
        [key: string]: number;
      };
    };
    VisitorSessions: {
      /** @description active sessions */
      count: number;
      sessions: {
        id: string;
        /** Format: date-time */
        lastSeenAt: string;
      }[];
    };
    VisualDiffWidth: {
      width: number;
      /** @enum {string} */
      status: 'pending' | 'ready' | 'failed';
      changedPercent: number | null;
      reason: string | null;
      images: {
        before: string;
        after: string;
        heatmap: string;
      } | null;
    };
    VisualDiffPage: {
      /** @enum {string} */
      type: 'page' | 'post';
      key: string;
      /** @enum {string} */
      op: 'added' | 'changed';
      path: string;
      beforePath: string;
      /** @enum {string} */
      status: 'pending' | 'ready' | 'failed';
      changedPercent: number | null;
      widths: components['schemas']['VisualDiffWidth'][];
    };
    VisualDiff: {
      /** @enum {string} */
      status: 'unavailable' | 'pending' | 'ready';
      reason: string | null;
      fingerprint: string;
      widths: number[];
      pages: components['schemas']['VisualDiffPage'][];
      pagesTotal: number;
    };
    Webhook: {
      /** Format: uuid */
      id: string;
      url: string;
      events: (
        | 'promotion.requested'
        | 'promotion.started'
        | 'promotion.succeeded'
        | 'promotion.failed'
        | 'promotion.cancelled'
        | 'restore.requested'
        | 'restore.started'
        | 'restore.succeeded'
        | 'restore.failed'
        | 'restore.cancelled'
        | 'reset.requested'
        | 'reset.started'
        | 'reset.succeeded'
        | 'reset.failed'
        | 'reset.cancelled'
        | 'promotion.scheduled'
        | 'promotion.rolled_back'
        | 'approval.created'
        | '*'
        | 'promotion.*'
        | 'restore.*'
        | 'reset.*'
        | 'approval.*'
      )[];
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
    };
    CreatedWebhook: {
      /** Format: uuid */
      id: string;
      url: string;
      events: (
        | 'promotion.requested'
        | 'promotion.started'
        | 'promotion.succeeded'
        | 'promotion.failed'
        | 'promotion.cancelled'
        | 'restore.requested'
        | 'restore.started'
        | 'restore.succeeded'
        | 'restore.failed'
        | 'restore.cancelled'
        | 'reset.requested'
        | 'reset.started'
        | 'reset.succeeded'
        | 'reset.failed'
        | 'reset.cancelled'
        | 'promotion.scheduled'
        | 'promotion.rolled_back'
        | 'approval.created'
        | '*'
        | 'promotion.*'
        | 'restore.*'
        | 'reset.*'
        | 'approval.*'
      )[];
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** @description the signing secret; shown this once, never again */
      secret: string;
    };
    WebhookDeliveryAttempt: {
      number: number;
      /** Format: date-time */
      at: string;
      durationMs: number;
      /** @description the receiver's HTTP status; null when none came */
      statusCode: number | null;
      /** @description why no answer counted (timeout, refused address, …) */
      error: string | null;
      /** @description the first 500 characters of the answer, as text */
      responseExcerpt: string | null;
    };
    WebhookDelivery: {
      /**
       * Format: uuid
       * @description also the Promote-Delivery header (an idempotency key)
       */
      id: string;
      event: string;
      /** @description the payload's id */
      eventId: string;
      /** @enum {string} */
      status: 'pending' | 'succeeded' | 'failed';
      attempts: components['schemas']['WebhookDeliveryAttempt'][];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      nextAttemptAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
    };
    Health: {
      /** @enum {string} */
      status: 'ok' | 'unavailable';
      checks: {
        database: {
          /** @enum {string} */
          status: 'up' | 'down';
          latencyMs: number;
          /** @description why it is down */
          error?: string;
        };
        redis: {
          /** @enum {string} */
          status: 'up' | 'down';
          latencyMs: number;
          /** @description why it is down */
          error?: string;
        };
        s3: {
          /** @enum {string} */
          status: 'up' | 'down';
          latencyMs: number;
          /** @description why it is down */
          error?: string;
        };
      };
    };
    PageData: {
      title: string;
      /** @description Public path of the page, e.g. /about. */
      path: string;
      /** @description Page-builder blocks, in display order. */
      blocks: (
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'heading';
            text: string;
            level: number;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'text';
            text: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'image';
            /** @description The key of a media file. */
            media: string;
            alt?: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'form';
            /** @description The key of a form. */
            form: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'html';
            html: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'component';
            /** @description The key of a component override. */
            component: string;
            props?: {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            type: string;
          } & {
            [key: string]: unknown;
          })
      )[];
      summary?: string;
      /** @description The key of a layout. */
      layout?: string;
      seo?: {
        title?: string;
        description?: string;
        /** @description The key of a media file. */
        ogImage?: string;
        /** @description Ask search engines not to index this page. */
        noindex?: boolean;
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    PostData: {
      title: string;
      /** @description Public path of the page, e.g. /about. */
      path: string;
      /** @description Page-builder blocks, in display order. */
      blocks: (
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'heading';
            text: string;
            level: number;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'text';
            text: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'image';
            /** @description The key of a media file. */
            media: string;
            alt?: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'form';
            /** @description The key of a form. */
            form: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'html';
            html: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'component';
            /** @description The key of a component override. */
            component: string;
            props?: {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            type: string;
          } & {
            [key: string]: unknown;
          })
      )[];
      summary?: string;
      /** @description The key of a layout. */
      layout?: string;
      seo?: {
        title?: string;
        description?: string;
        /** @description The key of a media file. */
        ogImage?: string;
        /** @description Ask search engines not to index this page. */
        noindex?: boolean;
      } & {
        [key: string]: unknown;
      };
      author?: string;
      tags?: string[];
      /** Format: date-time */
      publishedAt?: string;
    } & {
      [key: string]: unknown;
    };
    ThemeData: {
      colors?: {
        [key: string]: string;
      };
      fonts?: {
        [key: string]: string;
      };
    } & {
      [key: string]: unknown;
    };
    StylesheetData: {
      css: string;
    } & {
      [key: string]: unknown;
    };
    LayoutData: {
      name?: string;
      /** @description Page-builder blocks, in display order. */
      header?: (
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'heading';
            text: string;
            level: number;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'text';
            text: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'image';
            /** @description The key of a media file. */
            media: string;
            alt?: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'form';
            /** @description The key of a form. */
            form: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'html';
            html: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'component';
            /** @description The key of a component override. */
            component: string;
            props?: {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            type: string;
          } & {
            [key: string]: unknown;
          })
      )[];
      /** @description Page-builder blocks, in display order. */
      footer?: (
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'heading';
            text: string;
            level: number;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'text';
            text: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'image';
            /** @description The key of a media file. */
            media: string;
            alt?: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'form';
            /** @description The key of a form. */
            form: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'html';
            html: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            /** @enum {string} */
            type: 'component';
            /** @description The key of a component override. */
            component: string;
            props?: {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @description Stable id of the block; generated from its content when absent. */
            id?: string;
            type: string;
          } & {
            [key: string]: unknown;
          })
      )[];
    } & {
      [key: string]: unknown;
    };
    ComponentOverrideData: {
      /** @description The builder component this overrides, e.g. navbar. */
      component?: string;
      props?: {
        [key: string]: unknown;
      };
      /** @description The component's own markup as a Liquid template: `props` are its props (the override's, refined by the block's), `site.title` the site's title; `{% render 'key' %}` renders another component template. Outputs are HTML-escaped; the markup is sanitised like an html block unless the site trusts its custom code. */
      template?: string;
    } & {
      [key: string]: unknown;
    };
    CustomObjectTypeData: {
      name: string;
      label?: string;
      description?: string;
    } & {
      [key: string]: unknown;
    };
    CustomFieldData: {
      /** @description The key of a custom object type. */
      objectType: string;
      name: string;
      /** @enum {string} */
      fieldType:
        'text' | 'number' | 'boolean' | 'date' | 'url' | 'email' | 'richtext' | 'select' | 'media' | 'reference';
      label?: string;
      required?: boolean;
      options?: string[];
    } & {
      [key: string]: unknown;
    };
    CustomObjectData: {
      /** @description The key of a custom object type. */
      objectType: string;
      values: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    FormData: {
      title: string;
      fields: (
        | ({
            name: string;
            label?: string;
            required?: boolean;
            placeholder?: string;
            /** @enum {string} */
            type: 'text' | 'email' | 'tel' | 'number' | 'textarea' | 'checkbox';
          } & {
            [key: string]: unknown;
          })
        | ({
            name: string;
            label?: string;
            required?: boolean;
            placeholder?: string;
            /** @enum {string} */
            type: 'select';
            options: string[];
          } & {
            [key: string]: unknown;
          })
      )[];
      submitLabel?: string;
      successMessage?: string;
      integrations?: string[];
    } & {
      [key: string]: unknown;
    };
    PopupData: {
      title?: string;
      body?: string;
      /** @description The key of a form. */
      form?: string;
      trigger?: {
        /** @description When the popup opens, e.g. load, delay, scroll, exit_intent. */
        on?: string;
        delaySeconds?: number;
        scrollPercent?: number;
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    IntegrationData: {
      /** @description The destination kind, e.g. webhook, crm, analytics. */
      kind?: string;
      name?: string;
      /** @description Where events are sent; `{{env.NAME}}` parts differ per environment. */
      url?: string;
      /** @description The signing secret or API key of the destination, as `{{env.NAME}}`. */
      secret?: string;
      events?: string[];
    } & {
      [key: string]: unknown;
    };
    SiteSettingsData: {
      title?: string;
      description?: string;
      /**
       * Format: uri
       * @description Base URL of canonical links, e.g. https://www.example.com.
       */
      canonicalBase?: string;
      /** @description The key of a media file. */
      ogImage?: string;
      /** @description Ask search engines not to index any page of the site. */
      noindex?: boolean;
      locale?: string;
      maintenancePage?: {
        title?: string;
        message?: string;
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    RedirectData: {
      /** @description The path that redirects. */
      from: string;
      /** @description Where it redirects: a path starting with '/' or an http(s) URL. */
      to: string;
      /** @enum {integer} */
      status: 301 | 302 | 307 | 308;
    } & {
      [key: string]: unknown;
    };
    RobotsTxtData: {
      body: string;
    } & {
      [key: string]: unknown;
    };
    ConsentRuleData: {
      /** @description e.g. necessary, analytics, marketing. */
      category?: string;
      bannerText?: string;
      scripts?: ({
        /** @description A script URL: a path starting with '/' or an http(s) URL. */
        src: string;
        category?: string;
      } & {
        [key: string]: unknown;
      })[];
    } & {
      [key: string]: unknown;
    };
    MediaData: {
      sha256: string;
      size: number;
      contentType: string;
      alt?: string;
      filename?: string;
      /** @description Show a PDF in the browser instead of downloading it. Images, video and audio are always inline. */
      inline?: boolean;
    } & {
      [key: string]: unknown;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      /** @description a dependency is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Prometheus text exposition format, version 0.0.4 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listAudit: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditRecord'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listTokens: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SiteToken'][];
          };
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  createToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          role: 'owner' | 'editor' | 'reviewer';
          label?: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedSiteToken'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  revokeToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getPromotionChangelog: {
    parameters: {
      query?: {
        format?: 'json' | 'markdown';
      };
      header?: never;
      path: {
        /** @description the promotion's job id */
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Changelog'];
          'text/markdown': string;
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `changelog_unavailable` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  putStagingContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        key: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          data:
            | components['schemas']['PageData']
            | components['schemas']['PostData']
            | components['schemas']['ThemeData']
            | components['schemas']['StylesheetData']
            | components['schemas']['LayoutData']
            | components['schemas']['ComponentOverrideData']
            | components['schemas']['CustomObjectTypeData']
            | components['schemas']['CustomFieldData']
            | components['schemas']['CustomObjectData']
            | components['schemas']['FormData']
            | components['schemas']['PopupData']
            | components['schemas']['IntegrationData']
            | components['schemas']['SiteSettingsData']
            | components['schemas']['RedirectData']
            | components['schemas']['RobotsTxtData']
            | components['schemas']['ConsentRuleData']
            | components['schemas']['MediaData'];
        };
      };
    };
    responses: {
      /** @description replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Entity'];
        };
      };
      /** @description created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Entity'];
        };
      };
      /** @description `validation_failed`, `malformed_json`, `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  deleteStagingContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        key: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  publishContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        key: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Entity'];
        };
      };
      /** @description `validation_failed`, `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  unpublishContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        key: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Entity'];
        };
      };
      /** @description `validation_failed`, `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  putProductionContent: {
    parameters: {
      query?: never;
      header?: {
        /** @description an owner’s reason for writing to production directly */
        'X-Break-Glass'?: string;
      };
      path: {
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        key: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          data:
            | components['schemas']['PageData']
            | components['schemas']['PostData']
            | components['schemas']['ThemeData']
            | components['schemas']['StylesheetData']
            | components['schemas']['LayoutData']
            | components['schemas']['ComponentOverrideData']
            | components['schemas']['CustomObjectTypeData']
            | components['schemas']['CustomFieldData']
            | components['schemas']['CustomObjectData']
            | components['schemas']['FormData']
            | components['schemas']['PopupData']
            | components['schemas']['IntegrationData']
            | components['schemas']['SiteSettingsData']
            | components['schemas']['RedirectData']
            | components['schemas']['RobotsTxtData']
            | components['schemas']['ConsentRuleData']
            | components['schemas']['MediaData'];
        };
      };
    };
    responses: {
      /** @description replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Entity'];
        };
      };
      /** @description created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Entity'];
        };
      };
      /** @description `validation_failed`, `malformed_json`, `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /**
       * @description `production_read_only`
       *
       *     `forbidden`
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  deleteProductionContent: {
    parameters: {
      query?: never;
      header?: {
        /** @description an owner’s reason for writing to production directly */
        'X-Break-Glass'?: string;
      };
      path: {
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        key: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `validation_failed`, `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /**
       * @description `production_read_only`
       *
       *     `forbidden`
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listContent: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        env: 'staging' | 'production';
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Entity'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        type:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
        key: string;
        env: 'staging' | 'production';
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Entity'];
        };
      };
      /** @description `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  importStagingContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          entities: {
            /** @enum {string} */
            type:
              | 'page'
              | 'post'
              | 'theme'
              | 'stylesheet'
              | 'layout'
              | 'component_override'
              | 'custom_object_type'
              | 'custom_field'
              | 'custom_object'
              | 'form'
              | 'popup'
              | 'integration'
              | 'site_settings'
              | 'redirect'
              | 'robots_txt'
              | 'consent_rule'
              | 'media';
            key: string;
            /** @description the body, validated like a PUT of this type */
            data: unknown;
            /** @description pages and posts only: also publish this body (like PUT then publish); default false */
            publish?: boolean;
          }[];
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportResult'];
        };
      };
      /** @description `validation_failed`, `malformed_json`, `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  adoptProductionContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description a content type */
          type: string;
          key: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdoptResult'];
        };
      };
      /** @description `validation_failed`, `malformed_json`, `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /**
       * @description `not_found`
       *
       *     `not_found`
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getDomains: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
        env: 'staging' | 'production';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Domains'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  putDomains: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
        env: 'staging' | 'production';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          domains: {
            /** @description e.g. www.example.com */
            host: string;
            /** @default false */
            primary?: boolean;
          }[];
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Domains'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `domain_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getVariables: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
        env: 'staging' | 'production';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Variables'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  putVariables: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
        env: 'staging' | 'production';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          [key: string]:
            | string
            | {
                value: string;
                /** @default false */
                secret?: boolean;
              }
            | {
                /**
                 * @description keep the stored (secret) value
                 * @enum {boolean}
                 */
                keep: true;
              };
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Variables'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  collectGarbage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description keep anything younger (default 3600) */
          graceSeconds?: number;
          /** @description recent states kept per site (default 3) */
          keepRecentStates?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectResult'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  streamJobEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Server-sent events: `job` (data: the job, as GET /api/jobs/:id answers) on every change until the job ends; `revoked` (data: {"error": {"code": "unauthenticated"}}) when the token is revoked meanwhile. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  cancelJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `job_in_progress`, `job_finished` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  startSelfTest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default 0 */
          sleepMs?: number;
        };
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  takeMaintenance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
          /** @description The lease ends by itself after this many seconds (1 to 86,400) if nobody releases it. */
          ttlSeconds: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Maintenance'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `conflict` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  releaseMaintenance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description released */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  uploadMedia: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
          key?: string;
          alt?: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadedMedia'];
        };
      };
      /** @description `validation_failed`, `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getMediaContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        env: 'staging' | 'production';
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the bytes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description the requested range */
      206: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `invalid_key` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `range_not_satisfiable` */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  previewPromotion: {
    parameters: {
      query?: {
        entities?: string;
        types?: string;
        cursor?: unknown;
        limit?: unknown;
        type?:
          | 'page'
          | 'post'
          | 'theme'
          | 'stylesheet'
          | 'layout'
          | 'component_override'
          | 'custom_object_type'
          | 'custom_field'
          | 'custom_object'
          | 'form'
          | 'popup'
          | 'integration'
          | 'site_settings'
          | 'redirect'
          | 'robots_txt'
          | 'consent_rule'
          | 'media';
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Preview'];
        };
      };
      /** @description `validation_failed`, `empty_selection`, `duplicate_selection`, `unknown_entities` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  previewSelectedPromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description promote only these staging changes (added, changed or removed entities, and every change of these types), with what they refer to that production lacks or has otherwise; the preview lists that closure */
          select?: {
            entities?: {
              /** @enum {string} */
              type:
                | 'page'
                | 'post'
                | 'theme'
                | 'stylesheet'
                | 'layout'
                | 'component_override'
                | 'custom_object_type'
                | 'custom_field'
                | 'custom_object'
                | 'form'
                | 'popup'
                | 'integration'
                | 'site_settings'
                | 'redirect'
                | 'robots_txt'
                | 'consent_rule'
                | 'media';
              key: string;
            }[];
            types?: (
              | 'page'
              | 'post'
              | 'theme'
              | 'stylesheet'
              | 'layout'
              | 'component_override'
              | 'custom_object_type'
              | 'custom_field'
              | 'custom_object'
              | 'form'
              | 'popup'
              | 'integration'
              | 'site_settings'
              | 'redirect'
              | 'robots_txt'
              | 'consent_rule'
              | 'media'
            )[];
          };
          /** @description default 50 */
          limit?: number;
          cursor?: string;
          /**
           * @description only changes of this type
           * @enum {string}
           */
          type?:
            | 'page'
            | 'post'
            | 'theme'
            | 'stylesheet'
            | 'layout'
            | 'component_override'
            | 'custom_object_type'
            | 'custom_field'
            | 'custom_object'
            | 'form'
            | 'popup'
            | 'integration'
            | 'site_settings'
            | 'redirect'
            | 'robots_txt'
            | 'consent_rule'
            | 'media';
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Preview'];
        };
      };
      /** @description `validation_failed`, `malformed_json`, `empty_selection`, `duplicate_selection`, `unknown_entities` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listPromotions: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
        status?: 'scheduled' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'rolled_back';
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['PromotionRecord'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  startPromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description from GET …/promotion/preview */
          fingerprint: string;
          /** @description pin production as a snapshot before the swap */
          snapshot?: boolean;
          note?: string;
          /** @description owner only: promote inside a freeze window, for this reason (audited); unused when nothing is frozen */
          override?: string;
          /** @description schedule the promotion instead of running it now: an ISO 8601 date-time, in the future and at most a year ahead; without an offset it is local to timeZone. The candidate is built and pinned now. */
          runAt?: string;
          /** @description IANA time zone of a local runAt, e.g. Europe/Paris */
          timeZone?: string;
          /** @description overwrite what production changed since staging was in step with it (else 409 production_drift) */
          acknowledgeDrift?: boolean;
          /** @description codes of error launch checks to promote over (else 409 launch_checks_failed); recorded on the job with who sent them */
          acknowledgeChecks?: (
            | 'url_removed_without_redirect'
            | 'robots_blocks_all'
            | 'robots_hides_pages'
            | 'site_noindex'
            | 'page_noindex'
            | 'canonical_changed'
            | 'broken_internal_link'
            | 'missing_media'
            | 'redirect_chain'
            | 'redirect_loop'
            | 'tracking_before_consent'
            | 'variable_missing'
            | 'sitemap_changed'
            | 'design_not_selected'
          )[];
          /** @description a selective promotion: the same select as the preview whose fingerprint this is (else 409 stale_preview) */
          select?: {
            entities?: {
              /** @enum {string} */
              type:
                | 'page'
                | 'post'
                | 'theme'
                | 'stylesheet'
                | 'layout'
                | 'component_override'
                | 'custom_object_type'
                | 'custom_field'
                | 'custom_object'
                | 'form'
                | 'popup'
                | 'integration'
                | 'site_settings'
                | 'redirect'
                | 'robots_txt'
                | 'consent_rule'
                | 'media';
              key: string;
            }[];
            types?: (
              | 'page'
              | 'post'
              | 'theme'
              | 'stylesheet'
              | 'layout'
              | 'component_override'
              | 'custom_object_type'
              | 'custom_field'
              | 'custom_object'
              | 'form'
              | 'popup'
              | 'integration'
              | 'site_settings'
              | 'redirect'
              | 'robots_txt'
              | 'consent_rule'
              | 'media'
            )[];
          };
        };
      };
    };
    responses: {
      /** @description the job (the same one for a repeated click) */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `validation_failed`, `malformed_json`, `empty_selection`, `duplicate_selection`, `unknown_entities` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `stale_preview`, `promotion_in_progress`, `promotion_frozen`, `approval_required`, `schedule_exists`, `dangling_references`, `variables_missing`, `production_drift`, `launch_checks_failed`, `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  undoPromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the restore job */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `undo_unavailable`, `promotion_in_progress` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  revertPromotionEntities: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          entities: {
            /** @enum {string} */
            type:
              | 'page'
              | 'post'
              | 'theme'
              | 'stylesheet'
              | 'layout'
              | 'component_override'
              | 'custom_object_type'
              | 'custom_field'
              | 'custom_object'
              | 'form'
              | 'popup'
              | 'integration'
              | 'site_settings'
              | 'redirect'
              | 'robots_txt'
              | 'consent_rule'
              | 'media';
            key: string;
          }[];
        };
      };
    };
    responses: {
      /** @description the restore job */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `revert_unavailable`, `promotion_in_progress` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  fixLaunchCheck: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          code:
            | 'url_removed_without_redirect'
            | 'robots_blocks_all'
            | 'robots_hides_pages'
            | 'site_noindex'
            | 'page_noindex'
            | 'canonical_changed'
            | 'broken_internal_link'
            | 'missing_media'
            | 'redirect_chain'
            | 'redirect_loop'
            | 'tracking_before_consent'
            | 'variable_missing'
            | 'sitemap_changed'
            | 'design_not_selected';
          type: string;
          key: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FixedCheck'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `check_not_found`, `check_not_fixable`, `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listApprovals: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalList'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  approvePreview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description the preview approved, from GET …/promotion/preview */
          fingerprint: string;
          comment?: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Approval'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `stale_preview` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listReviewLinks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ReviewLink'][];
          };
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  createReviewLink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description 1 hour to 30 days */
          expiresInHours: number;
          label?: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedReviewLink'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  revokeReviewLink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listSites: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Site'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  createSite: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description lowercase letters, digits and dashes, 1-63 */
          slug: string;
          name: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Site'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `conflict` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getSite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Site'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  updateSite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description html blocks render as written, scripts included, and the pages that have one get a permissive CSP; off (the default): html blocks are sanitised and every page gets a strict CSP */
          trustedCustomCode?: boolean;
          /** @description current approvals by others than its starter that a promotion needs (default 0) */
          requiredApprovals?: number;
          /** @description replaces the whole list; [] lifts every freeze */
          freezeWindows?: (
            | {
                /**
                 * Format: date-time
                 * @description ISO 8601 with an offset or Z
                 */
                start: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 with an offset or Z
                 */
                end: string;
                /** @description shown to whoever is refused */
                reason: string;
              }
            | {
                /** @enum {string} */
                weekday: 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
                /** @description HH:MM */
                from: string;
                /** @description HH:MM or 24:00 */
                to: string;
                /** @description IANA */
                timeZone: string;
                /** @description shown to whoever is refused */
                reason: string;
              }
          )[];
          /** @description what the post-swap check of every promotion requests besides the home page and the changed pages; a check that fails rolls the promotion back (replaces the whole list) */
          smokeChecks?: {
            /** @description a path of the site starting with '/' (no query, fragment, spaces or '..' segments) */
            path: string;
            /** @description the HTTP status it must answer */
            status: number;
            /** @description text the body must contain, as served or HTML-escaped (so "Tea & cake" matches "Tea &amp; cake") */
            contains?: string;
          }[];
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Site'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listSnapshots: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Snapshot'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  createSnapshot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          label: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Snapshot'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  restoreSnapshot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `promotion_in_progress` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  revertToSnapshot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          entities: {
            /** @enum {string} */
            type:
              | 'page'
              | 'post'
              | 'theme'
              | 'stylesheet'
              | 'layout'
              | 'component_override'
              | 'custom_object_type'
              | 'custom_field'
              | 'custom_object'
              | 'form'
              | 'popup'
              | 'integration'
              | 'site_settings'
              | 'redirect'
              | 'robots_txt'
              | 'consent_rule'
              | 'media';
            key: string;
          }[];
        };
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `promotion_in_progress` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  deleteSnapshot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  resetStaging: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description the site's slug, typed to confirm */
          confirm: string;
          /** @description a snapshot's id: staging becomes its state instead of production's (rehearse a restore) */
          fromSnapshot?: string;
        };
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `validation_failed`, `malformed_json`, `invalid_confirmation` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /**
       * @description `not_found`
       *
       *     `not_found`
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `promotion_in_progress` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listStagingBackups: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StagingBackup'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  restoreStagingBackup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `promotion_in_progress` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listSubmissions: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
        form?: string;
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
        env: 'staging' | 'production';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Submission'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getAnalytics: {
    parameters: {
      query?: {
        since?: string;
        until?: string;
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
        env: 'staging' | 'production';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Analytics'];
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listSessions: {
    parameters: {
      query?: {
        limit?: string;
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
        env: 'staging' | 'production';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitorSessions'];
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getVisualDiff: {
    parameters: {
      query?: {
        fingerprint?: string;
        widths?: string;
        entities?: string;
        types?: string;
      };
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisualDiff'];
        };
      };
      /** @description `validation_failed`, `empty_selection`, `duplicate_selection`, `unknown_entities` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `stale_preview`, `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  postVisualDiff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description the fingerprint of the preview being looked at (a selective preview's carries its selection) */
          fingerprint: string;
          /** @description viewport widths in px; default 390,768,1280 */
          widths?: number[];
          /** @description promote only these staging changes (added, changed or removed entities, and every change of these types), with what they refer to that production lacks or has otherwise; the preview lists that closure */
          select?: {
            entities?: {
              /** @enum {string} */
              type:
                | 'page'
                | 'post'
                | 'theme'
                | 'stylesheet'
                | 'layout'
                | 'component_override'
                | 'custom_object_type'
                | 'custom_field'
                | 'custom_object'
                | 'form'
                | 'popup'
                | 'integration'
                | 'site_settings'
                | 'redirect'
                | 'robots_txt'
                | 'consent_rule'
                | 'media';
              key: string;
            }[];
            types?: (
              | 'page'
              | 'post'
              | 'theme'
              | 'stylesheet'
              | 'layout'
              | 'component_override'
              | 'custom_object_type'
              | 'custom_field'
              | 'custom_object'
              | 'form'
              | 'popup'
              | 'integration'
              | 'site_settings'
              | 'redirect'
              | 'robots_txt'
              | 'consent_rule'
              | 'media'
            )[];
          };
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisualDiff'];
        };
      };
      /** @description `validation_failed`, `malformed_json`, `empty_selection`, `duplicate_selection`, `unknown_entities` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `stale_preview`, `route_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getVisualDiffImage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        image: 'before.png' | 'after.png' | 'heatmap.png';
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the PNG */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/png': string;
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /**
       * @description `not_found`
       *
       *     `not_found`
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Webhook'][];
          };
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description http(s); its host must resolve to public addresses (unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES) */
          url: string;
          /** @description events, a family (`promotion.*`) or `*` */
          events: (
            | 'promotion.requested'
            | 'promotion.started'
            | 'promotion.succeeded'
            | 'promotion.failed'
            | 'promotion.cancelled'
            | 'restore.requested'
            | 'restore.started'
            | 'restore.succeeded'
            | 'restore.failed'
            | 'restore.cancelled'
            | 'reset.requested'
            | 'reset.started'
            | 'reset.succeeded'
            | 'reset.failed'
            | 'reset.cancelled'
            | 'promotion.scheduled'
            | 'promotion.rolled_back'
            | 'approval.created'
            | '*'
            | 'promotion.*'
            | 'restore.*'
            | 'reset.*'
            | 'approval.*'
          )[];
          /** @description the signing secret (16-128 printable ASCII characters, no spaces); generated when left out */
          secret?: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedWebhook'];
        };
      };
      /** @description `validation_failed`, `malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `conflict` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `payload_too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the webhook's id */
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description the webhook's id */
        id: string;
        /** @description the site's slug or id */
        site: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WebhookDelivery'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description `validation_failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `unauthenticated` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `internal` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
}
