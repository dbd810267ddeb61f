/**
 * The network as seen from inside the simulated runner container: its resolver (`fdaa::3`, which
 * answers loopback names as RFC 6761 asks and knows the apps' `.internal` names) and where a TCP
 * connection goes. Only the simulator's own servers are ever contacted for real; every other
 * address is refused (the simulated world has no internet), every other name does not resolve.
 */
import { isIP } from 'node:net';
import { ROUTER_MACHINE } from './routerApp';
import { RUNNER_INTERNAL_PORT, RUNNER_MACHINE } from './runnerApp';
import { ROUTER_FLY_APP, RUNNER_FLY_APP } from './faults';

export const CONTAINER_DNS_SERVER = 'fdaa::3';

export type DnsAnswer =
  | { kind: 'addresses'; v4: string[]; v6: string[] }
  | { kind: 'ptr'; name: string }
  | { kind: 'nxdomain' };

export interface ConnectTarget {
  /** Real address on this machine. */
  host: string;
  port: number;
}

export class ContainerNet {
  private readonly runner: URL;
  private readonly router: URL;

  constructor(urls: { runnerUrl: string; routerUrl: string }) {
    this.runner = new URL(urls.runnerUrl);
    this.router = new URL(urls.routerUrl);
  }

  lookup(name: string): DnsAnswer {
    const host = name.replace(/\.$/, '').toLowerCase();
    if (isIP(host)) {
      if (host.startsWith('127.') || host === '::1') return { kind: 'ptr', name: 'localhost' };
      return { kind: 'nxdomain' };
    }
    if (host === 'localhost') return { kind: 'addresses', v4: ['127.0.0.1'], v6: ['::1'] };
    if (host === `${RUNNER_FLY_APP}.internal`) return { kind: 'addresses', v4: [], v6: [RUNNER_MACHINE.privateIp] };
    if (host === `${ROUTER_FLY_APP}.internal`) return { kind: 'addresses', v4: [], v6: [ROUTER_MACHINE.privateIp] };
    return { kind: 'nxdomain' };
  }

  /** `host` is an IP address; null: connection refused. */
  connect(address: string, port: number): ConnectTarget | null {
    const loopback = address.startsWith('127.') || address === '::1';
    const portOf = (u: URL) => Number(u.port || (u.protocol === 'https:' ? 443 : 80));
    if (loopback) {
      if (port === portOf(this.router)) return { host: this.router.hostname, port };
      if (port === portOf(this.runner)) return { host: this.runner.hostname, port };
      // the runner listens on its internal port inside its own container
      if (port === RUNNER_INTERNAL_PORT) return { host: this.runner.hostname, port: portOf(this.runner) };
      return null;
    }
    if (address === RUNNER_MACHINE.privateIp && port === RUNNER_INTERNAL_PORT) return { host: this.runner.hostname, port: portOf(this.runner) };
    return null;
  }
}
