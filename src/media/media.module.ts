import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { MediaUploadService } from './media-upload.service';
import { MediaUploadsModule } from './media-uploads.module';

@Module({
  imports: [ContentModule, MediaUploadsModule],
  providers: [MediaUploadService],
  exports: [MediaUploadService],
})
export class MediaModule {}
