import { Module } from '@nestjs/common';
import { CrashPoints } from './crash-points';

/** The crash-test failpoints on their own, so a module below the jobs (the head swap) can use them. */
@Module({ providers: [CrashPoints], exports: [CrashPoints] })
export class CrashPointsModule {}
