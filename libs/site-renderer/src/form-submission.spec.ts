import type { FormBody } from '../../content-model';
import { checkSubmission, HONEYPOT_FIELD } from './form-submission';

const form: FormBody = {
  title: 'Quote',
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'email', type: 'email', required: true },
    { name: 'phone', type: 'tel' },
    { name: 'kilos', type: 'number', required: true },
    { name: 'grind', type: 'select', options: ['Whole bean', 'Espresso'], required: true },
    { name: 'terms', type: 'checkbox', required: true },
    { name: 'notes', type: 'textarea' },
  ],
};

describe('checkSubmission', () => {
  it('keeps the form’s fields, typed, and drops everything else', () => {
    const result = checkSubmission(form, {
      name: ' Ada ',
      email: 'ada@example.com',
      kilos: '12.5',
      grind: 'Espresso',
      terms: 'yes',
      extra: 'dropped',
    });
    expect(result).toEqual({
      kind: 'ok',
      data: { name: 'Ada', email: 'ada@example.com', kilos: 12.5, grind: 'Espresso', terms: true },
    });
  });

  it('lists every missing required field', () => {
    const result = checkSubmission(form, { phone: '+32 2 555 12 12' });
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.errors).toEqual([
      { path: 'body.name', message: 'is required' },
      { path: 'body.email', message: 'is required' },
      { path: 'body.kilos', message: 'is required' },
      { path: 'body.grind', message: 'is required' },
      { path: 'body.terms', message: 'must be checked' },
    ]);
  });

  it('refuses values of the wrong kind', () => {
    const result = checkSubmission(form, {
      name: { nested: true },
      email: 'not-an-email',
      phone: '<script>',
      kilos: '12kg',
      grind: 'Filter',
      terms: 'on',
      notes: 'n'.repeat(20_001),
    });
    expect(checkSubmission(form, { ...{ name: 'a\u0000' } }).kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.errors.map((e) => e.path)).toEqual([
      'body.name',
      'body.email',
      'body.phone',
      'body.kilos',
      'body.grind',
      'body.notes',
    ]);
  });

  it('takes JSON booleans and numbers, and the last of repeated urlencoded values', () => {
    const result = checkSubmission(form, {
      name: 'A',
      email: 'a@b.co',
      kilos: 3,
      grind: ['Whole bean', 'Espresso'],
      terms: true,
    });
    expect(result).toEqual({
      kind: 'ok',
      data: { name: 'A', email: 'a@b.co', kilos: 3, grind: 'Espresso', terms: true },
    });
  });

  it('treats a filled honeypot as spam and a body that is not an object as invalid', () => {
    expect(checkSubmission(form, { [HONEYPOT_FIELD]: 'http://spam.example' })).toEqual({ kind: 'spam' });
    expect(checkSubmission(form, 'name=x').kind).toBe('invalid');
    expect(checkSubmission(form, [1]).kind).toBe('invalid');
  });
});
