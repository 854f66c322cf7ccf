import type { FormBody, FormField } from '../../content-model';

/** The hidden field of every rendered form: people never see it, so a value in it means a bot filled it. */
export const HONEYPOT_FIELD = '_hp';

export type SubmittedValue = string | number | boolean;

export type SubmissionCheck =
  | { kind: 'ok'; data: Record<string, SubmittedValue> }
  | { kind: 'spam' }
  | { kind: 'invalid'; errors: { path: string; message: string }[] };

// Generous for people, small enough that one submission stays a small row.
const MAX_LENGTH: Record<FormField['type'], number> = {
  text: 2000,
  email: 254,
  tel: 40,
  number: 40,
  textarea: 20_000,
  checkbox: 200,
  select: 500,
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEL = /^\+?[0-9 ().-]{3,40}$/;
const NUMBER = /^-?\d{1,15}(?:\.\d{1,10})?$/;
const UNCHECKED = new Set(['', 'false', 'off', 'no', '0']);

/**
 * Checks a submission (urlencoded or JSON fields) against its form: each field's type and `required`, select
 * options, lengths. Only the form's own fields are kept; every problem is listed, one per field.
 */
export function checkSubmission(form: FormBody, input: unknown): SubmissionCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { kind: 'invalid', errors: [{ path: 'body', message: 'must be the form’s fields' }] };
  const fields = input as Record<string, unknown>;
  const honeypot = lastValue(fields[HONEYPOT_FIELD]);
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return { kind: 'spam' };
  const data: Record<string, SubmittedValue> = {};
  const errors: { path: string; message: string }[] = [];
  for (const field of form.fields ?? []) {
    const result = checkField(field, lastValue(fields[field.name]));
    if ('error' in result) errors.push({ path: `body.${field.name}`, message: result.error });
    else if (result.value !== undefined) data[field.name] = result.value;
  }
  return errors.length ? { kind: 'invalid', errors } : { kind: 'ok', data };
}

function checkField(field: FormField, raw: unknown): { value?: SubmittedValue } | { error: string } {
  if (raw !== undefined && raw !== null && typeof raw === 'object') return { error: 'must be a single value' };
  const text = raw === undefined || raw === null ? '' : String(raw).trim();
  if (field.type === 'checkbox') {
    const checked = raw === true || (typeof raw !== 'boolean' && !UNCHECKED.has(text.toLowerCase()));
    if (field.required && !checked) return { error: 'must be checked' };
    return { value: checked };
  }
  if (text === '') return field.required ? { error: 'is required' } : {};
  // PostgreSQL text and jsonb cannot hold U+0000; no person types it.
  if (text.includes('\u0000')) return { error: 'must not contain the NUL character' };
  const max = MAX_LENGTH[field.type] ?? 2000;
  if (text.length > max) return { error: `must be at most ${max} characters` };
  switch (field.type) {
    case 'email':
      return EMAIL.test(text) ? { value: text } : { error: 'must be an email address' };
    case 'tel':
      return TEL.test(text) ? { value: text } : { error: 'must be a phone number' };
    case 'number':
      return NUMBER.test(text) ? { value: Number(text) } : { error: 'must be a number' };
    case 'select': {
      const options = field.options ?? [];
      if (options.includes(text)) return { value: text };
      const listed = options.slice(0, 10).join(', ') + (options.length > 10 ? ', …' : '');
      return { error: `must be one of ${listed}` };
    }
    default:
      return { value: text };
  }
}

// A urlencoded body repeats a name as an array (e.g. a hidden fallback before a checkbox); the last one wins,
// as it would in a browser's own form handling.
function lastValue(value: unknown): unknown {
  return Array.isArray(value) ? value[value.length - 1] : value;
}
