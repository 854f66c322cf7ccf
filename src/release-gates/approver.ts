import type { Principal, SiteRole } from '../auth/principal';

/** Who approved: a site token, the platform admin, or a client through a review link under a typed name. */
export type Approver =
  | { kind: 'token'; tokenId: string; role: SiteRole; label: string }
  | { kind: 'admin' }
  | { kind: 'review_link'; reviewLinkId: string; label: string; name: string };

export function approverOf(principal: Principal): Approver {
  return principal.kind === 'admin'
    ? { kind: 'admin' }
    : { kind: 'token', tokenId: principal.tokenId, role: principal.role, label: principal.label };
}

/**
 * The principal an approval belongs to: the unit of "once per version" and of four-eyes. A token is its own
 * principal (two tokens of one person are two), the admin token is one, a review link is one whatever name is typed.
 */
export function approverKey(approver: Approver): string {
  if (approver.kind === 'admin') return 'admin';
  return approver.kind === 'token' ? `token:${approver.tokenId}` : `review_link:${approver.reviewLinkId}`;
}

/** How the audit log names an approver (a token's and the admin's entries name them the same way elsewhere). */
export function auditPrincipalOf(approver: Approver): { actor: string; role: string } {
  if (approver.kind === 'admin') return { actor: 'admin', role: 'admin' };
  return { actor: approverKey(approver), role: approver.kind === 'token' ? approver.role : 'review_link' };
}
