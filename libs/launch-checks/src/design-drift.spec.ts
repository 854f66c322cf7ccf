import { designDriftChecks } from './design-drift';

describe('designDriftChecks', () => {
  it('warns once per design change left behind, naming the selected pages', () => {
    const checks = designDriftChecks(
      [{ type: 'page', key: 'menu' }],
      [
        { type: 'theme', key: 'default', op: 'changed' },
        { type: 'stylesheet', key: 'custom', op: 'added' },
      ],
    );
    expect(checks.map((c) => [c.code, c.severity, c.type, c.key])).toEqual([
      ['design_not_selected', 'warning', 'theme', 'default'],
      ['design_not_selected', 'warning', 'stylesheet', 'custom'],
    ]);
    expect(checks[0].details).toEqual({ op: 'changed', pages: [{ type: 'page', key: 'menu' }], pageCount: 1 });
  });

  it('says nothing when no page is selected or no design change is left behind', () => {
    expect(designDriftChecks([], [{ type: 'theme', key: 'default', op: 'changed' }])).toEqual([]);
    expect(designDriftChecks([{ type: 'page', key: 'menu' }], [])).toEqual([]);
  });
});
