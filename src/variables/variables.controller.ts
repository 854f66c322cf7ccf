import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { EnvPipe } from '../sites/env.pipe';
import type { EnvName, Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';
import { type PutVariablesBody, putVariablesSchema } from './variables.dto';
import { VariablesService } from './variables.service';

@ApiTags('sites')
@ApiBearerAuth()
@ApiParam({ name: 'env', enum: ['staging', 'production'] })
@Controller('api/sites/:site/:env/variables')
export class VariablesController {
  constructor(private readonly variables: VariablesService) {}

  /** Replaces the whole set; `{NAME: {keep: true}}` keeps a secret without sending it again. */
  @Put()
  @Roles('owner')
  @ApiBody({ schema: putVariablesSchema })
  @ApiOperation({ summary: "Set an environment's variables (referenced from content as {{env.NAME}})" })
  @ApiOkResponse({ schema: ref('Variables') })
  @ApiErrors(...BODY_ERRORS)
  putVariables(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Body(new SchemaPipe(putVariablesSchema)) body: PutVariablesBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.variables.replace(site, env, body, principal, requestId);
  }

  @Get()
  @Roles('owner', 'editor')
  @ApiOperation({ summary: "An environment's variables (secrets masked)" })
  @ApiOkResponse({ schema: ref('Variables') })
  getVariables(@CurrentSite() site: Site, @Param('env', EnvPipe) env: EnvName) {
    return this.variables.list(site, env);
  }
}
