import { getDomain } from 'tldts';

/**
 * An outlet is known by its registrable domain (the public suffix plus one label), read with the
 * Public Suffix List: `www.rt.com`, `amp.rt.com` and `m.rt.com` are all `rt.com`, while
 * `ibtimes.co.uk` and `ibtimes.com` stay apart. Private suffixes count (`blogspot.com`), so every
 * blog on a shared host stays its own outlet rather than becoming one "blogspot.com". Every path
 * that stores or looks up an outlet's domains goes through here.
 */
export function registrableDomain(hostOrUrl: string): string | null {
  return getDomain(hostOrUrl.trim().toLowerCase(), { allowPrivateDomains: true });
}

/** The registrable domains of a list of hosts, each once, in order; hosts without one are dropped. */
export function registrableDomains(hosts: readonly string[]): string[] {
  return [...new Set(hosts.map(registrableDomain).filter((domain): domain is string => domain !== null))];
}
