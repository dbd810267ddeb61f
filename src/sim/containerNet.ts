/**
 * The network as seen from inside the simulated runner container: its resolver (`fdaa::3`, which
 * answers loopback names as RFC 6761 asks; no other name resolves) and where a TCP connection lands:
 * only on the simulator's own servers, at their loopback ports (the simulated world has no internet).
 */
import { isIP } from 'node:net';

export const CONTAINER_DNS_SERVER = 'fdaa::3';

export type DnsAnswer = { kind: 'addresses'; v4: string[]; v6: string[] } | { kind: 'ptr'; name: string } | { kind: 'nxdomain' };

/** Where the simulator's servers really listen. */
export type SimServers = { runnerUrl: string; routerUrl: string };

const isLoopback = (address: string) => address.startsWith('127.') || address === '::1';

export function lookup(name: string): DnsAnswer {
  const host = name.replace(/\.$/, '').toLowerCase();
  if (isIP(host)) return isLoopback(host) ? { kind: 'ptr', name: 'localhost' } : { kind: 'nxdomain' };
  return host === 'localhost' ? { kind: 'addresses', v4: ['127.0.0.1'], v6: ['::1'] } : { kind: 'nxdomain' };
}

/** Where a connection to `address:port` (an IP address) lands on this machine; null: refused. */
export function connect(address: string, port: number, servers: SimServers): { host: string; port: number } | null {
  if (!isLoopback(address)) return null;
  const server = [servers.routerUrl, servers.runnerUrl].map((u) => new URL(u)).find((u) => Number(u.port) === port);
  return server ? { host: server.hostname, port } : null;
}
