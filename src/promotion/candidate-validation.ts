import type { EntityManager } from 'typeorm';
import { referenceKeys } from '../../libs/content-model';
import { AppError } from '../platform/errors/app-error';
import type { VariablesService } from '../variables/variables.service';
import type { CandidateRepository } from './candidate.repository';

/** Refuses a candidate (staging's promotable manifest) whose references dangle: promoting it would break pages. */
export async function assertCandidateValid(
  { candidate, variables }: { candidate: CandidateRepository; variables: VariablesService },
  tx: EntityManager,
  siteId: string,
) {
  // References of bodies written by bulk paths are computed once, here, then kept on the revision.
  for (let batch; (batch = await candidate.revisionsWithoutRefs(tx, siteId, 500)).length;)
    await candidate.setRefs(
      tx,
      batch.map((r) => ({ id: r.id, refs: referenceKeys(r.type, r.body) })),
    );
  const { total, sample } = await candidate.dangling(tx, siteId, 100);
  if (total > 0)
    throw new AppError(
      'dangling_references',
      `${total} reference${total === 1 ? '' : 's'} point at entities that staging would not promote; publish or create them first.`,
      sample,
    );
  // Production renders `{{env.NAME}}` with its own values: each one the candidate uses must be defined there.
  const used = await candidate.variablesUsed(tx, siteId);
  const defined = new Set(used.length ? await variables.definedNames(siteId, 'production') : []);
  const missing = used.filter((name) => !defined.has(name));
  if (missing.length)
    throw new AppError(
      'variables_missing',
      `Production does not define ${missing.join(', ')}, which staging's content uses: set ${missing.length === 1 ? 'it' : 'them'} with PUT …/production/variables first.`,
      missing.map((name) => ({ variable: name })),
    );
}
