import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { dataSourceOptions } from './data-source';
import { ReadReplica } from './read-replica';
import { Transactions } from './transactions';

/** Platform: the connection pool, the one transaction door and the optional read replica, for every feature. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RUNTIME_CONFIG],
      // retryAttempts 0: a database that is down fails boot at once instead of retrying in the background.
      useFactory: (config: RuntimeConfig) => ({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 0 }),
    }),
  ],
  providers: [Transactions, ReadReplica],
  exports: [Transactions, ReadReplica],
})
export class DatabaseModule {}
