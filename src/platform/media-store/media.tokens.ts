export const MEDIA_STORE = Symbol('MEDIA_STORE');
export const S3_CLIENT = Symbol('S3_CLIENT');
