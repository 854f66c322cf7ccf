import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { MediaBody } from '../../libs/content-model';
import type { MediaStore } from '../../libs/media-storage';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { ContentService } from '../content/content.service';
import { EnvPipe } from '../sites/env.pipe';
import type { EnvName, Site } from '../sites/site.types';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { MediaUploadService } from './media-upload.service';
import { sendBlob } from './send-blob';
import { ApiErrors } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';

@ApiTags('media')
@ApiBearerAuth()
@Controller('api/sites/:site')
export class MediaController {
  constructor(
    private readonly uploads: MediaUploadService,
    private readonly content: ContentService,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  @Post('staging/media')
  @Roles('owner', 'editor')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, key: { type: 'string' }, alt: { type: 'string' } },
    },
  })
  @ApiOperation({ summary: 'Upload a media file to staging (multipart)' })
  @ApiCreatedResponse({ schema: ref('UploadedMedia') })
  @ApiErrors('validation_failed', 'invalid_key', 'payload_too_large', 'unsupported_media_type')
  async uploadMedia(
    @CurrentSite() site: Site,
    @Req() request: Request,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    response.status(201);
    return this.uploads.upload(site, request, { principal, requestId });
  }

  @Get(':env/media/:key/content')
  @Roles('owner', 'editor', 'reviewer')
  @ApiParam({ name: 'env', enum: ['staging', 'production'] })
  @ApiOperation({ summary: "A media file's bytes (Range and If-None-Match honoured)" })
  @ApiOkResponse({
    description: 'the bytes',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({
    status: 206,
    description: 'the requested range',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({ status: 304, description: 'not modified' })
  @ApiErrors('invalid_key', 'range_not_satisfiable')
  async getMediaContent(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Param('key') key: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const entity = await this.content.get(site, env, 'media', key);
    await sendBlob(this.store, env, entity.data as MediaBody, request, response, 'private, no-cache');
  }
}
