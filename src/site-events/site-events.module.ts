import { Global, Module } from '@nestjs/common';
import { SiteEventsService } from './site-events.service';

@Global()
@Module({ providers: [SiteEventsService], exports: [SiteEventsService] })
export class SiteEventsModule {}
