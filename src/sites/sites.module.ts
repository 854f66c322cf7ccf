import { Global, Module } from '@nestjs/common';
import { TokensRepository } from '../auth/tokens.repository';
import { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';

@Global()
@Module({
  providers: [SitesRepository, SitesService, TokensRepository],
  exports: [SitesRepository, SitesService, TokensRepository],
})
export class SitesModule {}
