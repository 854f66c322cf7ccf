import { describeChange } from './describe-change';

describe('describeChange', () => {
  it('is added when only the right side exists', () => {
    expect(describeChange(undefined, { title: 'New' })).toEqual({ op: 'added' });
  });

  it('is removed when only the left side exists', () => {
    expect(describeChange({ title: 'Old' }, undefined)).toEqual({ op: 'removed' });
  });

  it('is changed with the delta when both sides differ', () => {
    expect(describeChange({ title: 'Old' }, { title: 'New' })).toEqual({
      op: 'changed',
      delta: { title: ['Old', 'New'] },
    });
  });

  it('is null when both sides are equal or absent', () => {
    expect(describeChange({ title: 'Same' }, { title: 'Same' })).toBeNull();
    expect(describeChange(undefined, undefined)).toBeNull();
  });
});
