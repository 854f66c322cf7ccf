import type { EntityManager } from 'typeorm';
import { AppError } from '../platform/errors/app-error';
import type { VariablesService } from '../variables/variables.service';
import type { CandidateRepository } from './candidate.repository';

/**
 * Refuses a candidate (staging's promotable manifest) whose changes over production's head leave references
 * dangling: promoting it would break pages.
 */
export async function assertCandidateValid(
  { candidate, variables }: { candidate: CandidateRepository; variables: VariablesService },
  tx: EntityManager,
  siteId: string,
  headStateId: number,
) {
  const { dangling, variables: used } = await candidate.checkChanges(tx, siteId, headStateId, 100);
  const { total, sample } = dangling;
  if (total > 0)
    throw new AppError(
      'dangling_references',
      `${total} reference${total === 1 ? '' : 's'} point at entities that staging would not promote; publish or create them first.`,
      sample,
    );
  // Production renders `{{env.NAME}}` with its own values: each one the candidate brings must be defined there
  // (the launch report checks those the unchanged rest uses).
  const defined = new Set(used.length ? await variables.definedNames(siteId, 'production') : []);
  const missing = used.filter((name) => !defined.has(name));
  if (missing.length)
    throw new AppError(
      'variables_missing',
      `Production does not define ${missing.join(', ')}, which staging's content uses: set ${missing.length === 1 ? 'it' : 'them'} with PUT …/production/variables first.`,
      missing.map((name) => ({ variable: name })),
    );
}
