import { Body, Controller, Delete, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type TakeMaintenanceBody, takeMaintenanceSchema } from './maintenance.dto';
import { MaintenanceService } from './maintenance.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';

@ApiTags('maintenance')
@ApiBearerAuth()
@Controller('api/sites/:site/production/maintenance')
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  @Put()
  @Roles('owner')
  @ApiBody({ schema: takeMaintenanceSchema })
  @ApiOperation({ summary: "Take production's maintenance window (a lease with a TTL)" })
  @ApiOkResponse({ schema: ref('Maintenance') })
  @ApiErrors(...BODY_ERRORS, 'conflict')
  takeMaintenance(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(takeMaintenanceSchema)) body: TakeMaintenanceBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.maintenance.takeForOwner(site, body, principal, requestId);
  }

  @Delete()
  @Roles('owner')
  @HttpCode(204)
  @ApiOperation({ summary: "End the owner's maintenance window" })
  @ApiNoContentResponse({ description: 'released' })
  async releaseMaintenance(
    @CurrentSite() site: Site,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    await this.maintenance.releaseForOwner(site, principal, requestId);
  }
}
