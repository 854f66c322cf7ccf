import type { Site } from '../sites/site.types';
import type { Principal } from './principal';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    site?: Site;
    id?: string | number | object;
  }
}
