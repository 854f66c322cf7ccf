import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** Serves the built web console (console/) at /console; it uses nothing but the public HTTP API. */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
