import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DESIGN_TYPES, designDriftChecks, type LaunchCheck, sortChecks } from '../../libs/launch-checks';
import { AppError } from '../platform/errors/app-error';
import { type ClosureEntry, StatesService } from '../states/states.service';
import type { VariablesService } from '../variables/variables.service';
import type { SelectedCandidate } from './launch-checks.service';
import type { ComparedStates } from './preview.repository';
import { PreviewRepository } from './preview.repository';
import type { Selection } from './selection';

/** One change of a selective candidate: a closure entry whose two sides differ, with its op and drift. */
export interface SelectedChange extends ClosureEntry {
  op: 'added' | 'changed' | 'removed';
  drift: boolean;
}

/** A selection's candidate over production's head: the changes it ships, and the selected entities it leaves. */
export interface SelectiveClosure {
  changes: SelectedChange[];
  /** Named entities that staging and production already have alike: they change nothing. */
  unchanged: { type: string; key: string }[];
}

// What a refusal lists; the message says how many there are.
const LISTED = 100;

/**
 * The rules of a selective promotion's candidate (production's head plus a closure of staging's changes): what it
 * ships, what it would leave dangling, and its launch report. The SQL is the states' closure (one recursive
 * statement), read without building a state, so a preview of a selection costs what the selection does.
 */
@Injectable()
export class SelectiveCandidate {
  constructor(
    private readonly states: StatesService,
    private readonly previews: PreviewRepository,
  ) {}

  /**
   * The closure, refused when it names an entity neither staging nor production has (400 unknown_entities) or
   * changes nothing (400 empty_selection).
   */
  async closure(
    tx: EntityManager,
    siteId: string,
    compared: ComparedStates,
    selection: Selection,
  ): Promise<SelectiveClosure> {
    // The closure follows each revision's stored references (revisions.refs, written with the body).
    const rows = await this.states.stagingClosure(tx, siteId, compared.headStateId, compared.baseStateId, selection);
    const unknown = rows.filter((r) => r.requested && r.stagingRevisionId === null && r.productionRevisionId === null);
    if (unknown.length)
      throw new AppError(
        'unknown_entities',
        `${unknown.length} selected entit${unknown.length === 1 ? 'y is' : 'ies are'} neither on staging nor in production.`,
        unknown.slice(0, LISTED).map(({ type, key }) => ({ type, key })),
      );
    const changes = rows
      .filter((r) => r.stagingRevisionId !== r.productionRevisionId)
      .map((r) => ({ ...r, op: opOf(r), drift: drifted(r, compared) }));
    if (!changes.length)
      throw new AppError(
        'empty_selection',
        'The selection changes nothing: staging and production already have every entity it names alike.',
      );
    const unchanged = rows
      .filter((r) => r.requested && r.stagingRevisionId === r.productionRevisionId)
      .map(({ type, key }) => ({ type, key }));
    return { changes, unchanged };
  }

  /** The references the candidate would leave dangling (the first `limit`). */
  dangling(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    selection: Selection,
    closure: SelectiveClosure,
    limit = LISTED,
  ) {
    const hasRemovals = closure.changes.some((c) => c.op === 'removed');
    return this.states.stagingSelectionDangling(tx, siteId, headStateId, selection, limit, hasRemovals);
  }

  /**
   * Refuses a candidate that would refer to what it lacks (409 dangling_references), and one whose content uses
   * a variable production does not define (409 variables_missing), like a whole promotion's validation.
   */
  async assertValid(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    selection: Selection,
    closure: SelectiveClosure,
    variables: VariablesService,
  ): Promise<void> {
    const dangling = await this.dangling(tx, siteId, headStateId, selection, closure);
    if (dangling.length)
      throw new AppError(
        'dangling_references',
        `This selection would leave production referring to entities it would not have (${dangling.length === LISTED ? `${LISTED} or more` : dangling.length}): select what they refer to, or keep what production still uses.`,
        dangling,
      );
    const used = variablesOf(closure);
    const defined = new Set(used.length ? await variables.definedNames(siteId, 'production') : []);
    const missing = used.filter((name) => !defined.has(name));
    if (missing.length)
      throw new AppError(
        'variables_missing',
        `Production does not define ${missing.join(', ')}, which the selected content uses: set ${missing.length === 1 ? 'it' : 'them'} with PUT …/production/variables first.`,
        missing.map((name) => ({ variable: name })),
      );
  }

  /**
   * The launch report of the candidate, computed on it (production's head with the closure from staging), plus a
   * warning per site-wide design change a selected page is shown with on staging but that the selection leaves
   * behind.
   */
  async checks(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    closure: SelectiveClosure,
    report: LaunchCheck[],
  ): Promise<LaunchCheck[]> {
    const shipped = new Set(closure.changes.map((c) => `${c.type}/${c.key}`));
    const pages = closure.changes.filter((c) => (c.type === 'page' || c.type === 'post') && c.op !== 'removed');
    const design = pages.length ? await this.previews.changesOfTypes(tx, siteId, headStateId, DESIGN_TYPES) : [];
    const leftBehind = design.filter((d) => !shipped.has(`${d.type}/${d.key}`));
    return sortChecks([...report, ...designDriftChecks(pages, leftBehind)]);
  }
}

/** What the candidate's launch report is computed on: the closure's entities, and the variables they use. */
export function selectedCandidate(closure: SelectiveClosure): SelectedCandidate {
  return { shipped: closure.changes.map(({ type, key }) => ({ type, key })), variables: variablesOf(closure) };
}

export function variablesOf(closure: SelectiveClosure): string[] {
  return [...new Set(closure.changes.filter((c) => c.op !== 'removed').flatMap((c) => c.variables))].sort();
}

function opOf(r: ClosureEntry): SelectedChange['op'] {
  if (r.productionRevisionId === null) return 'added';
  return r.stagingRevisionId === null ? 'removed' : 'changed';
}

// As the whole preview decides it: production changed the entity since staging's base, and staging differs.
function drifted(r: ClosureEntry, compared: ComparedStates): boolean {
  if (compared.baseStateId === null || compared.baseStateId === compared.headStateId) return false;
  return r.driftRevisionId !== r.productionRevisionId;
}
