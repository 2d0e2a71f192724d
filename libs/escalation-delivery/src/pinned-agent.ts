import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import { isForbiddenAddress } from './address-policy';
import type { LookupFunction } from './url-policy';

/** The code of the error the filtering lookup fails with; the webhook maps it to `refused-address`. */
export const ADDRESS_REFUSED_CODE = 'ERR_PRYSTAN_ADDRESS_REFUSED';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net.connect / tls.connect that resolves the name, drops every address a
 * webhook may not reach, and hands on only the rest. The connection is then made to an
 * address checked in this very step, so a DNS answer that changes between the check at
 * delivery and the connect (DNS rebinding) cannot reach an internal address. With no
 * address left it fails with ADDRESS_REFUSED_CODE. (An IP-literal host never comes here:
 * net.connect uses it as it is, and the check before the request has judged it.)
 */
export function filteringLookup(lookup: LookupFunction = dnsLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, []);
      const allowed = (found as LookupAddress[]).filter((a) => !isForbiddenAddress(a.address));
      if (allowed.length === 0) {
        const refused = Object.assign(new Error('every address of the webhook host is refused'), { code: ADDRESS_REFUSED_CODE });
        return callback(refused, []);
      }
      if (options.all) return callback(null, allowed);
      return callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/**
 * The dispatcher every webhook request goes through (one per worker: it keeps connections).
 * With `allowPrivate` (ALLOW_PRIVATE_WEBHOOKS) it is a plain Agent; otherwise its connections
 * go only to allowed addresses.
 */
export function createWebhookAgent(allowPrivate: boolean, lookup?: LookupFunction): Agent {
  return new Agent({
    connect: { lookup: (allowPrivate ? lookup ?? dnsLookup : filteringLookup(lookup)) as unknown as LookupFunction },
    // a receiver that keeps connections open must not hold a worker's sockets for long
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 30_000,
  });
}
