import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../platform/validation/page-query';
import { createSnapshotSchema, type RevertBody, revertSchema } from './snapshot.dto';
import { SnapshotsService } from './snapshots.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { pageOf, ref } from '../platform/openapi/schema-ref';

@ApiTags('snapshots')
@ApiBearerAuth()
@Controller('api/sites/:site/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Post()
  @Roles('owner')
  @ApiBody({ schema: createSnapshotSchema })
  @ApiOperation({ summary: "Pin production's current state as a snapshot" })
  @ApiCreatedResponse({ schema: ref('Snapshot') })
  @ApiErrors(...BODY_ERRORS)
  createSnapshot(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(createSnapshotSchema)) body: { label: string },
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.snapshots.create(site, body.label, principal, requestId);
  }

  @Get()
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({ summary: 'List snapshots, newest first' })
  @ApiOkResponse({ schema: pageOf('Snapshot') })
  @ApiQueryFrom(pageQuerySchema.properties)
  @ApiErrors('validation_failed')
  listSnapshots(@CurrentSite() site: Site, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.snapshots.list(site, query.limit, query.cursor);
  }

  @Post(':id/restore')
  @Roles('owner')
  @HttpCode(202)
  @ApiOperation({ summary: 'Restore a snapshot into production' })
  @ApiAcceptedResponse({ schema: ref('Job') })
  @ApiErrors('promotion_in_progress')
  restoreSnapshot(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('snapshot')) id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.snapshots.restore(site, id, principal, requestId);
  }

  @Post(':id/revert')
  @Roles('owner')
  @HttpCode(202)
  @ApiBody({ schema: revertSchema })
  @ApiOperation({
    summary: 'Revert some entities of production to a snapshot',
    description:
      "Production's head with these entities taken from the snapshot (removed where it lacks them), and what they " +
      'refer to that production lacks; a restore job (production version + 1). 409 dangling_references or ' +
      'route_taken fail the job.',
  })
  @ApiAcceptedResponse({ schema: ref('Job') })
  @ApiErrors(...BODY_ERRORS, 'promotion_in_progress')
  revertToSnapshot(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('snapshot')) id: string,
    @Body(new SchemaPipe(revertSchema)) body: RevertBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.snapshots.revert(site, id, body.entities, principal, requestId);
  }

  @Delete(':id')
  @Roles('owner')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a snapshot' })
  @ApiNoContentResponse({ description: 'deleted' })
  deleteSnapshot(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('snapshot')) id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.snapshots.remove(site, id, principal, requestId);
  }
}
