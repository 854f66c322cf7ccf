import { defineJob } from './job-definition';
import { JobDefinitions } from './job-definitions';
import { JobKind } from './job-names';

const job = (kind: JobKind) => defineJob({ kind, steps: [{ name: 'only', run: async () => undefined }] });

describe('JobDefinitions', () => {
  it('fails boot when a job kind has no definition, naming it', () => {
    const definitions = new JobDefinitions();
    definitions.register(
      ...Object.values(JobKind)
        .filter((k) => k !== JobKind.Restore)
        .map(job),
    );
    expect(() => definitions.onApplicationBootstrap()).toThrow(/No definition for job kind restore/);
  });

  it('boots when every kind has one, and refuses a second definition of a kind', () => {
    const definitions = new JobDefinitions();
    definitions.register(...Object.values(JobKind).map(job));
    expect(() => definitions.onApplicationBootstrap()).not.toThrow();
    expect(definitions.get(JobKind.Promotion).kind).toBe(JobKind.Promotion);
    expect(() => definitions.register(job(JobKind.Promotion))).toThrow(/Two definitions/);
  });
});
