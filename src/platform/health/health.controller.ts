import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type Redis from 'ioredis';
import type { MediaStore } from '../../../libs/media-storage';
import { DataSource } from 'typeorm';
import { Public } from '../../auth/access.decorator';
import { MEDIA_STORE } from '../media-store/media.tokens';
import { REDIS } from '../redis/redis.module';
import { ref } from '../openapi/schema-ref';

type Check = { status: 'up' | 'down'; latencyMs: number; error?: string };

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(MEDIA_STORE) private readonly media: MediaStore,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the database, Redis and S3 answer' })
  @ApiOkResponse({ schema: ref('Health') })
  @ApiResponse({ status: 503, description: 'a dependency is down', schema: ref('Health') })
  async getHealth(@Res({ passthrough: true }) response: Response) {
    const [database, redis, s3] = await Promise.all([
      check(() => this.dataSource.query('select 1')),
      check(() => this.redis.ping()),
      check(() => this.media.ping()),
    ]);
    const up = [database, redis, s3].every((c) => c.status === 'up');
    response.status(up ? 200 : 503);
    return { status: up ? 'ok' : 'unavailable', checks: { database, redis, s3 } };
  }
}

// Each check answers within 2 s so that a hung dependency shows as down instead of hanging /health.
async function check(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: (error as Error).message || 'unreachable',
    };
  } finally {
    clearTimeout(timer);
  }
}
