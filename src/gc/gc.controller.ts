import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/access.decorator';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type CollectOptions, GarbageCollector } from './garbage-collector.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';

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
  @ApiOperation({ summary: 'Collect garbage now: unreferenced states, revisions and media' })
  @ApiOkResponse({ schema: ref('CollectResult') })
  @ApiErrors(...BODY_ERRORS)
  collectGarbage(@Body(new SchemaPipe(collectSchema)) body: CollectOptions) {
    return this.collector.collect(body);
  }
}
