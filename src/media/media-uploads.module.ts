import { Module } from '@nestjs/common';
import { MediaUploadsRepository } from './media-uploads.repository';
import { MediaUploadsService } from './media-uploads.service';

/** Which site uploaded which bytes; content writes check media entities against it. */
@Module({ providers: [MediaUploadsRepository, MediaUploadsService], exports: [MediaUploadsService] })
export class MediaUploadsModule {}
