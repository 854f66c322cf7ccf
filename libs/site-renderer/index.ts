export { SiteRenderer } from './src/site-renderer';
export type { Notice, RenderedPage } from './src/site-renderer';
export { buildDesign, layoutFor, popupsFor, DESIGN_TYPES, MAX_POPUPS_PER_PAGE } from './src/site-design';
export type { SiteDesign, PageAssets, RenderTarget, DesignEntity } from './src/site-design';
export { assetKeysOf, siteAssetKeysOf } from './src/page-assets';
export { checkSubmission, HONEYPOT_FIELD } from './src/form-submission';
export type { SubmissionCheck, SubmittedValue } from './src/form-submission';
export { safeHref, safeRedirectLocation, mediaUrl, MEDIA_VERSION_LENGTH } from './src/safe-url';
export { escapeHtml, jsonForScript, cssForStyleElement } from './src/escape';
