import { PipeTransform } from '@nestjs/common';
import { AppError } from '../platform/errors/app-error';
import { ENV_NAMES, type EnvName } from './site.types';

export class EnvPipe implements PipeTransform<string, EnvName> {
  transform(value: string): EnvName {
    if (!ENV_NAMES.includes(value as EnvName))
      throw new AppError('not_found', `No environment "${String(value).slice(0, 40)}": use staging or production.`);
    return value as EnvName;
  }
}
