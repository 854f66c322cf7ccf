import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { dataSourceOptions } from './data-source';
import { Transactions } from './transactions';

/** Platform: the connection pool and the one transaction door, available to every feature. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RUNTIME_CONFIG],
      // retryAttempts 0: a database that is down fails boot at once instead of retrying in the background.
      useFactory: (config: RuntimeConfig) => ({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 0 }),
    }),
  ],
  providers: [Transactions],
  exports: [Transactions],
})
export class DatabaseModule {}
