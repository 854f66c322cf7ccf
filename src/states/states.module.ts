import { Global, Module } from '@nestjs/common';
import { StatesRepository } from './states.repository';

@Global()
@Module({ providers: [StatesRepository], exports: [StatesRepository] })
export class StatesModule {}
