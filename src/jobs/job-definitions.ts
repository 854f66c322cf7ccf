import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { JobDefinition } from './job-definition';
import { JobKind } from './job-names';

/** Every kind of job and its definition; boot fails when a kind has none (a job could never run). */
@Injectable()
export class JobDefinitions implements OnApplicationBootstrap {
  private readonly definitions = new Map<JobKind, JobDefinition>();

  register(...definitions: JobDefinition[]): void {
    for (const definition of definitions) {
      if (this.definitions.has(definition.kind)) throw new Error(`Two definitions of job kind ${definition.kind}`);
      this.definitions.set(definition.kind, definition);
    }
  }

  get(kind: JobKind): JobDefinition {
    const definition = this.definitions.get(kind);
    if (!definition) throw new Error(`No definition for job kind ${kind}`);
    return definition;
  }

  onApplicationBootstrap(): void {
    const missing = Object.values(JobKind).filter((kind) => !this.definitions.has(kind));
    if (missing.length) throw new Error(`No definition for job kind ${missing.join(', ')}: register one in its module`);
  }
}
