import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { listOf, pageOf, ref } from '../platform/openapi/schema-ref';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../platform/validation/page-query';
import type { Site } from '../sites/site.types';
import { type CreateWebhookBody, createWebhookSchema } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

const ApiWebhookId = () => ApiParam({ name: 'id', description: "the webhook's id", schema: { type: 'string' } });

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/sites/:site/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Roles('owner')
  @ApiBody({ schema: createWebhookSchema })
  @ApiOperation({ summary: 'Add a webhook: signed deliveries of release events, retried for hours' })
  @ApiCreatedResponse({ schema: ref('CreatedWebhook') })
  @ApiErrors(...BODY_ERRORS, 'conflict')
  createWebhook(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(createWebhookSchema)) body: CreateWebhookBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.webhooks.create(site, body, principal, requestId);
  }

  @Get()
  @Roles('owner', 'editor')
  @ApiOperation({ summary: "List the site's webhooks (never their secrets)" })
  @ApiOkResponse({ schema: listOf('Webhook') })
  listWebhooks(@CurrentSite() site: Site) {
    return this.webhooks.list(site);
  }

  @Delete(':id')
  @Roles('owner')
  @HttpCode(204)
  @ApiWebhookId()
  @ApiOperation({ summary: 'Delete a webhook and its delivery log' })
  @ApiNoContentResponse({ description: 'deleted' })
  deleteWebhook(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('webhook')) id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.webhooks.delete(site, id, principal, requestId);
  }

  @Get(':id/deliveries')
  @Roles('owner', 'editor')
  @ApiWebhookId()
  @ApiOperation({ summary: "A webhook's deliveries, newest first, with every attempt" })
  @ApiOkResponse({ schema: pageOf('WebhookDelivery') })
  @ApiQueryFrom(pageQuerySchema.properties)
  @ApiErrors('validation_failed')
  listWebhookDeliveries(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('webhook')) id: string,
    @Query(new PageQueryPipe()) query: PageQuery,
  ) {
    return this.webhooks.deliveriesOf(site, id, query.limit, query.cursor);
  }
}
