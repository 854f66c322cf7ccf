/** True for an S3 error whose name (code) is one of `names`. */
export function hasErrorName(error: unknown, ...names: string[]): boolean {
  return error instanceof Error && names.includes(error.name);
}

/** HeadObject answers a bare 404 (`NotFound`); GetObject names the missing key (`NoSuchKey`). */
export function isMissingObject(error: unknown): boolean {
  return hasErrorName(error, 'NotFound', 'NoSuchKey');
}
