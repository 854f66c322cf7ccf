/**
 * The renderer's own styles. They read the theme's custom properties with fallbacks, so a site without a
 * theme still looks clean; the site's custom CSS comes after and wins.
 */
export const BASE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:var(--font-body,system-ui,-apple-system,"Segoe UI",sans-serif);color:var(--color-text,#1f2328);background:var(--color-background,#fff);line-height:1.6}
h1,h2,h3,h4,h5,h6{font-family:var(--font-heading,inherit);line-height:1.25;color:var(--color-heading,inherit)}
a{color:var(--color-primary,#0b5fff)}
img{max-width:100%;height:auto}
.site-header,.site-footer{padding:1rem 1.5rem}
.site-footer{border-top:1px solid rgba(0,0,0,.08);margin-top:3rem;font-size:.9rem}
.page{max-width:46rem;margin:0 auto;padding:2rem 1.5rem}
.post-meta{color:#6b7280;font-size:.9rem}
.navbar{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.navbar .brand{font-weight:700;margin-right:auto;text-decoration:none;color:inherit}
.button{display:inline-block;padding:.6rem 1.1rem;border-radius:.4rem;background:var(--color-primary,#0b5fff);color:#fff;text-decoration:none}
.form{display:grid;gap:.9rem;margin:1.5rem 0}
.form label{display:grid;gap:.3rem;font-weight:600}
.form .check{display:flex;gap:.5rem;align-items:center;font-weight:400}
.form input,.form textarea,.form select{font:inherit;padding:.55rem;border:1px solid #c9ced6;border-radius:.35rem}
.form button{justify-self:start;font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:var(--color-primary,#0b5fff);color:#fff;cursor:pointer}
.hp{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}
.errors{color:#b42318}
.promote-popup{position:fixed;inset:auto 1rem 1rem auto;max-width:24rem;background:#fff;color:#1f2328;padding:1.25rem;border-radius:.6rem;box-shadow:0 10px 30px rgba(0,0,0,.2);z-index:20}
.promote-popup .close{position:absolute;top:.4rem;right:.6rem;border:0;background:none;font-size:1.3rem;cursor:pointer}
.promote-consent{position:fixed;left:0;right:0;bottom:0;background:#111827;color:#f9fafb;padding:1rem 1.5rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;z-index:30}
.promote-consent[hidden],.promote-popup[hidden]{display:none}
.promote-consent p{margin:0;flex:1 1 20rem}
.promote-consent button{font:inherit;padding:.45rem 1rem;border-radius:.35rem;border:1px solid #f9fafb;background:none;color:inherit;cursor:pointer}
.promote-consent button[data-consent-choice=all]{background:#f9fafb;color:#111827}
.promote-staging-banner{position:sticky;top:0;z-index:40;background:#fde68a;color:#78350f;font:600 12px/1.8 system-ui,sans-serif;text-align:center;letter-spacing:.02em}
.promote-approve{display:inline-block;margin-left:1rem}
.promote-approve summary{display:inline;cursor:pointer;text-decoration:underline}
.promote-approve form{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:center;align-items:end;padding:.5rem 0;font-weight:400}
.promote-approve label{display:flex;flex-direction:column;text-align:left}
.promote-approve input,.promote-approve button{font:inherit;padding:.2rem .5rem;border:1px solid #78350f;border-radius:.25rem}
.promote-approve button{background:#78350f;color:#fde68a;cursor:pointer}
.notice{max-width:36rem;margin:12vh auto;padding:0 1.5rem;text-align:center}
`
  .trim()
  .replace(/\n/g, '');
