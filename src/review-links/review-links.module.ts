import { Module } from '@nestjs/common';
import { ReviewLinksRepository } from './review-links.repository';
import { ReviewLinksService } from './review-links.service';

@Module({ providers: [ReviewLinksRepository, ReviewLinksService], exports: [ReviewLinksService] })
export class ReviewLinksModule {}
