import { Refusal } from './outcome';

/** What a selective promotion ships (the server adds what it needs): entities by `type:key`, and whole types. */
export interface Selection {
  entities?: { type: string; key: string }[];
  types?: string[];
}

/** `--select page:home,form:contact --select page:about`: commander's collector; the server checks what exists. */
export function collectEntities(value: string, previous: string[] = []): string[] {
  const pairs = value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean);
  for (const pair of pairs)
    if (!/^[a-z_]+:[^:,]+$/.test(pair))
      throw new Refusal({ code: 'invalid_arguments', message: `--select takes type:key pairs, not "${pair}".` });
  return [...new Set([...previous, ...pairs])];
}

export interface SelectionFlags {
  select?: string[];
  selectType?: string[];
}

/** The selection the flags name, or undefined for the whole site. */
export function selectionOf(flags: SelectionFlags): Selection | undefined {
  if (!flags.select?.length && !flags.selectType?.length) return undefined;
  return {
    ...(flags.select?.length
      ? {
          entities: flags.select.map((pair) => {
            const at = pair.indexOf(':');
            return { type: pair.slice(0, at), key: pair.slice(at + 1) };
          }),
        }
      : {}),
    ...(flags.selectType?.length ? { types: flags.selectType } : {}),
  };
}

/** GET …/promotion/preview's encoding of a selection (`&entities=page:home,form:contact&types=theme`). */
export function selectionQuery(selection: Selection | undefined): string {
  if (!selection) return '';
  const entities = selection.entities?.map((e) => `${e.type}:${e.key}`).join(',');
  return (
    (entities ? `&entities=${encodeURIComponent(entities)}` : '') +
    (selection.types?.length ? `&types=${encodeURIComponent(selection.types.join(','))}` : '')
  );
}
