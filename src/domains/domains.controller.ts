import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { EnvPipe } from '../sites/env.pipe';
import type { EnvName, Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type PutDomainsBody, putDomainsSchema } from './domains.dto';
import { DomainsService } from './domains.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';

@ApiTags('visitor data')
@ApiBearerAuth()
@ApiParam({ name: 'env', enum: ['staging', 'production'] })
@Controller('api/sites/:site/:env/domains')
export class DomainsController {
  constructor(private readonly domains: DomainsService) {}

  @Put()
  @Roles('owner')
  @ApiBody({ schema: putDomainsSchema })
  @ApiOperation({ summary: "Set an environment's domains" })
  @ApiOkResponse({ schema: ref('Domains') })
  @ApiErrors(...BODY_ERRORS, 'domain_taken')
  putDomains(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Body(new SchemaPipe(putDomainsSchema)) body: PutDomainsBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.domains.replace(site, env, body, principal, requestId);
  }

  @Get()
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({ summary: "An environment's domains" })
  @ApiOkResponse({ schema: ref('Domains') })
  getDomains(@CurrentSite() site: Site, @Param('env', EnvPipe) env: EnvName, @CurrentPrincipal() principal: Principal) {
    return this.domains.list(site, env, principal);
  }
}
