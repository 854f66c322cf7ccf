import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/access.decorator';
import { SchemaPipe } from '../validation/body.pipe';
import { type CollectOptions, GarbageCollector } from './garbage-collector.service';

const collectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    graceSeconds: { type: 'integer', minimum: 0, maximum: 604800, description: 'keep anything younger (default 3600)' },
    keepRecentStates: {
      type: 'integer',
      minimum: 0,
      maximum: 1000,
      description: 'recent states kept per site (default 3)',
    },
  },
};

@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/admin/gc')
export class GarbageCollectionController {
  constructor(private readonly collector: GarbageCollector) {}

  /** Runs a collection now and answers what it deleted (workers also run one every hour). */
  @Post()
  @AdminOnly()
  @HttpCode(200)
  @ApiBody({ schema: collectSchema })
  collectGarbage(@Body(new SchemaPipe(collectSchema)) body: CollectOptions) {
    return this.collector.collect(body);
  }
}
