import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';
import { SchemaPipe } from '../platform/validation/body.pipe';
import type { Site } from '../sites/site.types';
import { type ApprovePreviewBody, approvePreviewSchema } from './approval.dto';
import { ApprovalsService } from './approvals.service';
import { approverOf } from './approver';

@ApiTags('promotion')
@ApiBearerAuth()
@Controller('api/sites/:site/promotion/approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Post()
  @Roles('owner', 'editor', 'reviewer')
  @ApiBody({ schema: approvePreviewSchema })
  @ApiOperation({
    summary: 'Approve the current preview (its fingerprint); approving it again answers the same approval',
  })
  @ApiCreatedResponse({ schema: ref('Approval') })
  @ApiErrors(...BODY_ERRORS, 'stale_preview')
  approvePreview(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(approvePreviewSchema)) body: ApprovePreviewBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.approvals.approve(site, { ...body, approver: approverOf(principal) }, requestId);
  }

  @Get()
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({ summary: 'The latest approvals, each current or stale, and how many a promotion needs' })
  @ApiOkResponse({ schema: ref('ApprovalList') })
  listApprovals(@CurrentSite() site: Site) {
    return this.approvals.list(site);
  }
}
