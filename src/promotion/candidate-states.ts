import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { StatesService } from '../states/states.service';
import { CandidateRepository } from './candidate.repository';
import { type Fingerprint, formatFingerprint, pairOf, sameFingerprint } from './fingerprint';
import { PreviewService } from './preview.service';
import type { Selection } from './selection';

/**
 * A preview's candidate (staging's promotable manifest over production's head, or with a selection, the head
 * with the selection's closure from staging) as an immutable state of its own, so what promoting it would put
 * live can be rendered like any state, with production's variables, before anyone promotes it. It is never a
 * head: it exists to be looked at, one per site and fingerprint, and the garbage collector keeps it for its
 * grace period only. Built as a delta over the head, it costs what the change does.
 */
@Injectable()
export class CandidateStates {
  constructor(
    private readonly transactions: Transactions,
    private readonly states: StatesService,
    private readonly previews: PreviewService,
    private readonly candidates: CandidateRepository,
  ) {}

  /**
   * The candidate's state, built on first call while the fingerprint is current (409 stale_preview after).
   * Concurrent calls build it once: the second waits for the first's commit and finds its state.
   */
  async ensure(siteId: string, fingerprint: Fingerprint, selection: Selection | undefined): Promise<number> {
    // A state is created and filled in one transaction: one that is visible is built (every poll asks).
    const built = await this.find(siteId, fingerprint);
    if (built !== null) return built;
    return this.transactions.run({ contentLock: 'shared' }, async (tx) => {
      await this.assertCurrent(tx, siteId, fingerprint);
      const state = await this.states.create(tx, siteId, 'candidate', originIdOf(siteId, fingerprint));
      if (state.built) return state.id;
      const head = fingerprint.headStateId;
      if (selection) await this.states.fillWithStagingSelection(tx, state.id, siteId, head, selection);
      else await this.states.fillFromStaging(tx, state.id, siteId, head);
      // Each statement reads its own snapshot here: the same fingerprint after the fill means staging did not
      // move while it ran (every promotable change moves its change sequence), so the state is what it names.
      await this.assertCurrent(tx, siteId, fingerprint);
      return state.id;
    });
  }

  /** The state built for this fingerprint, or null (never built, or collected since). */
  private find(siteId: string, fingerprint: Fingerprint): Promise<number | null> {
    return this.states.findByOrigin(this.transactions.autocommit, siteId, originIdOf(siteId, fingerprint));
  }

  /** The media blobs the candidate shows that production's head does not: production's bucket may lack them. */
  mediaToCopy(stateId: number, headStateId: number): Promise<string[]> {
    return this.candidates.pinnedMediaToCopy(this.transactions.autocommit, stateId, headStateId);
  }

  private async assertCurrent(tx: EntityManager, siteId: string, fingerprint: Fingerprint): Promise<void> {
    const now = await this.previews.current(tx, siteId);
    if (!sameFingerprint(now.fingerprint, pairOf(fingerprint)))
      throw new AppError('stale_preview', 'Staging or production changed since this preview: preview again.', [
        { fingerprint: formatFingerprint(fingerprint) },
      ]);
  }
}

// content_states.origin_id is a uuid, unique: a candidate's is derived from what it is the candidate of.
function originIdOf(siteId: string, fingerprint: Fingerprint): string {
  const hex = createHash('sha256')
    .update(`candidate:${siteId}:${formatFingerprint(fingerprint)}`)
    .digest('hex');
  // Shaped as a name-based UUID (version 5 nibble, RFC 4122 variant) so it reads as one.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
