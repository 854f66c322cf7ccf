import { DynamicModule, Module } from '@nestjs/common';
import { RUNTIME_CONFIG, RuntimeConfig } from './runtime-config';

@Module({})
export class ConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: RUNTIME_CONFIG, useValue: config }],
      exports: [RUNTIME_CONFIG],
    };
  }
}
