import { check, type LaunchCheck } from './launch-check';

/** Each `{{env.NAME}}` the candidate uses that production does not define: production would render it empty. */
export function variableChecks(used: readonly string[], definedInProduction: readonly string[]): LaunchCheck[] {
  const defined = new Set(definedInProduction);
  return used
    .filter((name) => !defined.has(name))
    .map((name) =>
      check(
        'variable_missing',
        'variable',
        name,
        `Production does not define the variable ${name}, which staging's content uses: set it with PUT …/production/variables.`,
      ),
    );
}
