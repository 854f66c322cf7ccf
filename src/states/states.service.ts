import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../platform/errors/app-error';
import { type ClosureSeed, RouteTakenError, StatesRepository, type StateOrigin } from './states.repository';

/** A new state would serve a path twice: 409 route_taken with the path and what to do about it. */
async function refusingTakenRoutes<T>(advice: string, build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof RouteTakenError)
      throw new AppError('route_taken', `${advice} (${error.route})`, [{ route: error.route }]);
    throw error;
  }
}

/** Immutable content states, for every feature that builds one (promotion, restore, break-glass, new sites). */
@Injectable()
export class StatesService {
  constructor(private readonly states: StatesRepository) {}

  find(tx: EntityManager, stateId: number) {
    return this.states.find(tx, stateId);
  }

  createInitial(tx: EntityManager, siteId: string): Promise<number> {
    return this.states.createInitial(tx, siteId);
  }

  /** A new empty state, or the one already built for this origin id (building is idempotent per job). */
  create(tx: EntityManager, siteId: string, origin: StateOrigin, originId: string) {
    return this.states.create(tx, siteId, origin, originId);
  }

  findByOrigin(tx: EntityManager, siteId: string, originId: string): Promise<number | null> {
    return this.states.findByOrigin(tx, siteId, originId);
  }

  fillFromStaging(tx: EntityManager, stateId: number, siteId: string, baseStateId: number): Promise<number> {
    return this.states.fillFromStaging(tx, stateId, siteId, baseStateId);
  }

  fillFromState(tx: EntityManager, stateId: number, sourceStateId: number, baseStateId: number): Promise<number> {
    return this.states.fillFromState(tx, stateId, sourceStateId, baseStateId);
  }

  fillWithEntitiesOf(
    tx: EntityManager,
    stateId: number,
    baseStateId: number,
    sourceStateId: number,
    entities: { type: string; key: string }[],
  ) {
    // An entity taken back serves a path that another of production's entities serves now.
    return refusingTakenRoutes('A reverted entity would serve a path production already serves with another.', () =>
      this.states.fillWithEntitiesOf(tx, stateId, baseStateId, sourceStateId, entities),
    );
  }

  /** Production's head with a selection of staging's changes and what they need (a selective promotion). */
  fillWithStagingSelection(
    tx: EntityManager,
    stateId: number,
    siteId: string,
    baseStateId: number,
    selection: ClosureSeed,
  ): Promise<number> {
    return refusingTakenRoutes(
      'A selected entity would serve a path that production serves with an entity the selection leaves alone: select both.',
      () => this.states.fillWithStagingSelection(tx, stateId, siteId, baseStateId, selection),
    );
  }

  /** What a selection of staging's changes brings over production's head, entity by entity, and why. */
  stagingClosure(
    tx: EntityManager,
    siteId: string,
    baseStateId: number,
    driftStateId: number | null,
    selection: ClosureSeed,
  ) {
    return this.states.stagingClosure(tx, siteId, baseStateId, driftStateId, selection);
  }

  /** The references a selective candidate would leave dangling (without building it). */
  stagingSelectionDangling(
    tx: EntityManager,
    siteId: string,
    baseStateId: number,
    selection: ClosureSeed,
    limit: number,
    hasRemovals: boolean,
  ) {
    return this.states.stagingSelectionDangling(tx, siteId, baseStateId, selection, limit, hasRemovals);
  }

  dangling(tx: EntityManager, stateId: number, limit: number) {
    return this.states.dangling(tx, stateId, limit);
  }

  /** The pages and posts a swap from one state to the other changes, by route (the first `limit`). */
  changedPageRoutes(tx: EntityManager, fromStateId: number, toStateId: number, limit: number): Promise<string[]> {
    return this.states.changedPageRoutes(tx, fromStateId, toStateId, limit);
  }

  /** Folds the states only retained deltas' chains need into those deltas (the collector, under its lock). */
  foldIntermediates(tx: EntityManager, retained: number[]): Promise<number> {
    return this.states.foldIntermediates(tx, retained);
  }

  fillWithOneChange(
    tx: EntityManager,
    stateId: number,
    baseStateId: number,
    change: { type: string; key: string; revisionId: string | null; route: string | null },
  ) {
    return refusingTakenRoutes('Another entity of production already serves this path.', () =>
      this.states.fillWithOneChange(tx, stateId, baseStateId, change),
    );
  }
}

export type { ClosureEntry, ClosureSeed } from './states.repository';
