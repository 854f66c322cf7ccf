import { domainToASCII } from 'node:url';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain as stored and matched: lowercase ASCII (IDNs in punycode), no port, no trailing dot, at least two
 * labels, and not an IP address. Null when `raw` is not such a host.
 */
export function normalizeHost(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.$/, '');
  if (!trimmed || trimmed.length > 253 || /[\s/:@?#\\]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  // An all-numeric last label means an IPv4 address (or nonsense), never a domain a site can own.
  if (/^\d+$/.test(labels[labels.length - 1])) return null;
  return ascii;
}

/** The host of a request as domains store it, or null when it could not be a site's domain (IPs, localhost). */
export function requestHost(hostname: string | undefined): string | null {
  if (!hostname || !hostname.includes('.')) return null;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return null;
  return host;
}
