import { QueryFailedError } from 'typeorm';

// SQLSTATE classes of a statement refused for the values it carries: data exceptions (22), integrity violations
// (23, such as a site removed meanwhile) and limits exceeded (54). Any other failure is the database's own.
const ROW_FAULT_CLASSES = new Set(['22', '23', '54']);

/** Whether PostgreSQL refused a write because of the rows it was given (so one row may be to blame). */
export function isRowFault(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== null && ROW_FAULT_CLASSES.has(code.slice(0, 2));
}

/** For a log line: a refused statement's SQLSTATE, never its message (PostgreSQL quotes the values in it). */
export function describeWriteFailure(error: unknown): string {
  const code = sqlStateOf(error);
  return code ? `SQLSTATE ${code}` : (error as Error).message;
}

function sqlStateOf(error: unknown): string | null {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}
