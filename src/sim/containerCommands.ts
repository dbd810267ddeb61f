/**
 * The programs of the simulated runner container, answering from the simulator's state in busybox
 * 1.35's formats: what the runbook's scripts run (`nslookup HOST`, `curl`, `timeout SECS PROG…`,
 * `free -m`) and `printenv NAME…`. Their other uses are refused; any other program is not found.
 */
import { isIP } from 'node:net';
import { CONTAINER_DNS_SERVER, lookup } from './containerNet';
import { curlCommand } from './curl';
import { type CommandImpl, refuse } from './miniShell';
import type { AppSnapshot } from './flyPlatform';

export function containerCommands(snap: AppSnapshot): Record<string, CommandImpl> {
  return {
    curl: curlCommand(snap),

    async nslookup(ctx) {
      const name = ctx.argv[1] ?? '';
      if (ctx.argv.length !== 2 || name.startsWith('-') || isIP(name) === 6) return refuse(ctx, 'nslookup HOST, HOST a name or an IPv4 address');
      let out = `Server:\t\t${CONTAINER_DNS_SERVER}\nAddress:\t${CONTAINER_DNS_SERVER}:53\n\n`;
      const a = lookup(name);
      const ptrName = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
      if (a.kind === 'ptr') out += `Non-authoritative answer:\n${ptrName}\tname = ${a.name}\n\n`;
      else if (a.kind === 'addresses') {
        for (const list of [a.v4, a.v6]) out += 'Non-authoritative answer:\n' + list.map((ip) => `Name:\t${name}\nAddress: ${ip}\n`).join('') + '\n';
      } else {
        // A and AAAA queries for a name, one PTR query for an address
        out += isIP(name) ? `** server can't find ${ptrName}: NXDOMAIN\n\n` : `** server can't find ${name}: NXDOMAIN\n\n`.repeat(2);
      }
      ctx.io.out(out);
      return a.kind === 'nxdomain' ? 1 : 0;
    },

    async timeout(ctx) {
      const [secs, ...argv] = ctx.argv.slice(1);
      if (!/^(\d+\.?\d*|\.\d+)$/.test(secs ?? '') || argv.length === 0) return refuse(ctx, 'timeout SECS PROG ARGS');
      const killer = new AbortController();
      const kill = () => killer.abort();
      ctx.signal.addEventListener('abort', kill, { once: true });
      const timer = setTimeout(kill, Number(secs) * 1000);
      try {
        const status = await ctx.exec(argv, killer.signal);
        return killer.signal.aborted && !ctx.signal.aborted ? 124 : status;
      } finally {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', kill);
      }
    },

    async printenv(ctx) {
      const names = ctx.argv.slice(1);
      if (names.length === 0 || names.some((n) => n.startsWith('-'))) return refuse(ctx, 'printenv NAME…');
      for (const n of names) if (snap.env[n] !== undefined) ctx.io.out(`${snap.env[n]}\n`);
      return names.every((n) => snap.env[n] !== undefined) ? 0 : 1;
    },

    async free(ctx) {
      if (ctx.argv.length !== 2 || ctx.argv[1] !== '-m') return refuse(ctx, 'free -m');
      const m = snap.memory;
      const row = (label: string, mb: number[]) => label + String(mb[0]).padStart(19 - label.length) + mb.slice(1).map((x) => String(x).padStart(12)).join('');
      ctx.io.out(
        '              total        used        free      shared  buff/cache   available\n' +
          row('Mem:', [m.totalMb, m.usedMb, m.freeMb, m.sharedMb, m.buffCacheMb, m.availableMb]) + '\n' +
          row('Swap:', [0, 0, 0]) + '\n',
      );
      return 0;
    },
  };
}
