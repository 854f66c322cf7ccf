import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Whether an address is on the public internet. ipaddr.js names every special range (private, loopback,
 * link-local, unique-local, CGNAT, multicast, unspecified, reserved, NAT64, 6to4, Teredo…); only plain unicast
 * passes. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** Why a webhook's host may not be called, or null when it may. */
export type AddressRefusal = { reason: 'unresolvable' } | { reason: 'private'; address: string };

const LOOKUP_TIMEOUT_MS = 5_000;

/**
 * The addresses a URL's host name stands for, checked: every one must be public unless private ones are
 * allowed (one private answer is enough to refuse: a resolver may hand out either).
 */
export async function resolveHost(
  hostname: string,
  allowPrivate: boolean,
): Promise<{ addresses: ResolvedAddress[] } | { refusal: AddressRefusal }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) as 4 | 6 }];
  else {
    const answers = await Promise.race([
      lookup(host, { all: true, verbatim: true }).catch(() => []),
      new Promise<[]>((resolve) => setTimeout(() => resolve([]), LOOKUP_TIMEOUT_MS).unref()),
    ]);
    addresses = answers.map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
  }
  if (!addresses.length) return { refusal: { reason: 'unresolvable' } };
  const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
  return refused ? { refusal: { reason: 'private', address: refused.address } } : { addresses };
}
