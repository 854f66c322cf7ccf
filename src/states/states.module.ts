import { Global, Module } from '@nestjs/common';
import { HeadSwapService } from './head-swap.service';
import { StatesRepository } from './states.repository';

@Global()
@Module({ providers: [StatesRepository, HeadSwapService], exports: [StatesRepository, HeadSwapService] })
export class StatesModule {}
