import { consentChecks } from './consent';
import { state } from './test-states';

const rule = (key: string, category: string, scripts: { src: string; category?: string }[]) => ({
  key,
  body: { category, scripts, bannerText: 'Cookies?' },
});
const gtag = 'https://www.googletagmanager.com/gtag/js?id={{env.GA_ID}}';

describe('consentChecks', () => {
  it('is an error when a necessary rule newly loads a known tracker', () => {
    const checks = consentChecks(state({ consentRules: [rule('essentials', 'necessary', [{ src: gtag }])] }), state());
    expect(checks).toEqual([
      expect.objectContaining({
        code: 'tracking_before_consent',
        severity: 'error',
        type: 'consent_rule',
        key: 'essentials',
        details: { scripts: [gtag] },
      }),
    ]);
  });

  it('is an error when a necessary rule loads a script that says it is not necessary', () => {
    const checks = consentChecks(
      state({ consentRules: [rule('x', 'necessary', [{ src: '/js/heatmap.js', category: 'analytics' }])] }),
      state(),
    );
    expect(checks).toHaveLength(1);
  });

  it('stays silent for trackers behind consent, necessary scripts that do not track, and what production already loads', () => {
    expect(consentChecks(state({ consentRules: [rule('a', 'analytics', [{ src: gtag }])] }), state())).toEqual([]);
    expect(
      consentChecks(
        state({
          consentRules: [rule('n', 'necessary', [{ src: '/js/cart.js' }, { src: 'https://cdn.example/app.js' }])],
        }),
        state(),
      ),
    ).toEqual([]);
    const already = state({ consentRules: [rule('essentials', 'necessary', [{ src: gtag }])] });
    expect(consentChecks(already, already)).toEqual([]);
  });
});
