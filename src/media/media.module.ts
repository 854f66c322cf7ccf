import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { MediaUploadService } from './media-upload.service';
import { MediaController } from './media.controller';
import { MediaUploadsModule } from './media-uploads.module';

@Module({
  imports: [ContentModule, MediaUploadsModule],
  providers: [MediaUploadService],
  exports: [MediaUploadService],
})
export class MediaModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [MediaModule, ContentModule], controllers: [MediaController] })
export class MediaApiModule {}
