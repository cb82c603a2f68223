import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a webhook must not reach from a production node (OWASP API7, server-side request
 * forgery): loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * unique-local, multicast and reserved ranges, in IPv4 and IPv6 (IPv4-mapped ones included).
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) INTERNAL.addSubnet(network, prefix, 'ipv6');

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return INTERNAL.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never connect to it
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class InternalTargetError extends Error {
  override readonly name = 'InternalTargetError';
  readonly code = 'WEBHOOK_TARGET_INTERNAL';
}

/**
 * The DNS look-up the connection itself uses, so the address checked is the address connected to:
 * a name that resolves to a public address when the subscription is made and to an internal one
 * at delivery (DNS rebinding) is refused at delivery.
 */
const refusingInternal: LookupFunction = (hostname, options, callback) =>
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const internal = addresses.find(({ address }) => isInternalAddress(address));
    if (internal) return callback(new InternalTargetError(`${hostname} resolves to an internal address (${internal.address})`), '', 0);
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });

export interface WebhookPost {
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  /** Development and tests deliver to loopback receivers; production never to internal addresses. */
  allowInternalTargets: boolean;
}

/** POSTs one delivery; resolves with the status code. Redirects are answers, not followed. The answer's body is not read. */
export function postWebhook(target: string, { headers, body, signal, allowInternalTargets }: WebhookPost): Promise<number> {
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowInternalTargets && isIP(host) !== 0 && isInternalAddress(host)) {
    return Promise.reject(new InternalTargetError(`${host} is an internal address`));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        signal,
        ...(!allowInternalTargets && { lookup: refusingInternal }),
      },
      (response: IncomingMessage) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
