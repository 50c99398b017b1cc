import { isIP } from 'node:net';

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) as `10.0.0.1`; other addresses as they are. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/** An IPv6 address's first 64 bits (one site's network: its hosts pick the rest freely); an IPv4 address whole. */
export function throttleKey(address: string): string {
  const ip = plain(address);
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const front = head ? head.split(':') : [];
  const back = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back] : front;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy, in which case the nearest address
 * in X-Forwarded-For that is not itself a trusted proxy (the ones before it could be written by anyone).
 */
export function clientAddress(peer: string, forwardedFor: string | null, trustedProxies: readonly string[]): string {
  const trusted = new Set(trustedProxies.map(plain));
  let address = plain(peer);
  if (!forwardedFor || !trusted.has(address)) return address;
  const hops = forwardedFor.split(',').map(plain).reverse();
  for (const hop of hops) {
    if (isIP(hop) === 0) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  return address;
}
