import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { MediaUploadService } from './media-upload.service';

@Module({ imports: [ContentModule], providers: [MediaUploadService], exports: [MediaUploadService] })
export class MediaModule {}
