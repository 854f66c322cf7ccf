export type { Delta } from 'jsondiffpatch';
export { diffBodies } from './src/diff-bodies';
export { describeChange, type Change, type ChangeOp } from './src/describe-change';
export { formatDeltaHtml, deltaCssPath } from './src/format-delta-html';
export { itemIdentity } from './src/item-identity';
