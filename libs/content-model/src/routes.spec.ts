import { routeOf } from './routes';

describe('routeOf', () => {
  it("gives a page's or post's path and a redirect's source", () => {
    expect(routeOf('page', { path: '/about' })).toBe('/about');
    expect(routeOf('post', { path: '/blog/first-roast' })).toBe('/blog/first-roast');
    expect(routeOf('redirect', { from: '/old-about', to: '/about', status: 301 })).toBe('/old-about');
  });

  it('drops trailing slashes except for the root, and keeps case', () => {
    expect(routeOf('page', { path: '/About/' })).toBe('/About');
    expect(routeOf('page', { path: '/a//' })).toBe('/a');
    expect(routeOf('page', { path: '/' })).toBe('/');
  });

  it('is null for types without a route and for malformed bodies', () => {
    expect(routeOf('form', { path: '/x' })).toBeNull();
    expect(routeOf('page', null)).toBeNull();
    expect(routeOf('page', { path: 3 })).toBeNull();
  });
});
