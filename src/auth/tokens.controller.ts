import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { listOf, ref } from '../platform/openapi/schema-ref';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import { Roles } from './access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from './current.decorator';
import type { Principal } from './principal';
import { type CreateTokenBody, createTokenSchema } from './token.dto';
import { TokensService } from './tokens.service';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('api/sites/:site/tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @Roles('owner')
  @ApiBody({ schema: createTokenSchema })
  @ApiOperation({ summary: 'Create a site token (its secret is shown once)' })
  @ApiCreatedResponse({ schema: ref('CreatedSiteToken') })
  @ApiErrors(...BODY_ERRORS)
  createToken(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(createTokenSchema)) body: CreateTokenBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.tokens.create(site, body, principal, requestId);
  }

  @Get()
  @Roles('owner')
  @ApiOperation({ summary: "List the site's tokens" })
  @ApiOkResponse({ schema: listOf('SiteToken') })
  listTokens(@CurrentSite() site: Site) {
    return this.tokens.list(site);
  }

  @Delete(':id')
  @Roles('owner')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token' })
  @ApiNoContentResponse({ description: 'revoked' })
  revokeToken(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('token')) id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.tokens.revoke(site, id, principal, requestId);
  }
}
