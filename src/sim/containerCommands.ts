/**
 * The programs of the simulated runner container (busybox applets and curl) that the runbook's
 * scripts use, answering from the simulator's state: `nslookup`, `curl`, `timeout`, `sleep`, `free`,
 * `printenv`, `env`. Output formats are busybox 1.35's; any other program is not found.
 */
import { CONTAINER_DNS_SERVER, ContainerNet } from './containerNet';
import { curlCommand } from './curl';
import type { CommandImpl } from './miniShell';
import type { AppSnapshot } from './flyPlatform';

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** busybox's duration syntax: `5`, `2.5`, `1m`, `1h`, `1d`. */
function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]] ?? 1) * 1000;
}

function ptrName(ip: string): string {
  if (ip.includes(':')) return `${ip}.ip6.arpa`;
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

export function containerCommands(snap: AppSnapshot): Record<string, CommandImpl> {
  const net = new ContainerNet(snap);
  return {
    curl: curlCommand(net),

    async nslookup(ctx) {
      const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
      if (args.length === 0) {
        ctx.io.err('BusyBox v1.35.0 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n');
        return 1;
      }
      const name = args[0];
      let out = `Server:\t\t${CONTAINER_DNS_SERVER}\nAddress:\t${CONTAINER_DNS_SERVER}:53\n\n`;
      const a = net.lookup(name);
      let status = 0;
      if (a.kind === 'ptr') out += `Non-authoritative answer:\n${ptrName(name)}\tname = ${a.name}\n\n`;
      else if (a.kind === 'nxdomain') {
        const q = /^[\d.]+$/.test(name) || name.includes(':') ? ptrName(name) : name;
        const times = q === name ? 2 : 1; // A and AAAA queries for a name, one PTR query for an address
        for (let i = 0; i < times; i++) out += `** server can't find ${q}: NXDOMAIN\n\n`;
        status = 1;
      } else {
        for (const [list] of [[a.v4], [a.v6]] as const) {
          out += 'Non-authoritative answer:\n';
          if (list.length === 0) out += `*** Can't find ${name}: No answer\n\n`;
          else out += list.map((ip) => `Name:\t${name}\nAddress: ${ip}\n`).join('') + '\n';
        }
      }
      ctx.io.out(out);
      return status;
    },

    async timeout(ctx) {
      const args = ctx.argv.slice(1);
      while (args[0] === '-s' || args[0] === '-k') args.splice(0, 2);
      const secs = args.length ? parseDuration(args[0]) : undefined;
      if (secs === undefined || args.length < 2) {
        ctx.io.err('BusyBox v1.35.0 multi-call binary.\n\nUsage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n\nRun PROG. Send SIG to it if it is not gone in SECS seconds.\nDefault SIG: TERM.If it still exists in KILL_SECS seconds, send KILL.\n');
        return 1;
      }
      const ac = new AbortController();
      const onParent = () => ac.abort();
      ctx.signal.addEventListener('abort', onParent, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        ac.abort();
      }, secs);
      const io = { out: (s: string) => !timedOut && ctx.io.out(s), err: (s: string) => !timedOut && ctx.io.err(s) };
      try {
        const status = await ctx.exec(args.slice(1), { signal: ac.signal, io });
        return timedOut ? 124 : status;
      } finally {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', onParent);
      }
    },

    async sleep(ctx) {
      const total = ctx.argv.slice(1).reduce<number | undefined>((acc, a) => {
        const d = parseDuration(a);
        return acc === undefined || d === undefined ? undefined : acc + d;
      }, 0);
      if (total === undefined || ctx.argv.length < 2) {
        ctx.io.err(`sleep: invalid number '${ctx.argv[1] ?? ''}'\n`);
        return 1;
      }
      return (await sleep(total, ctx.signal)) ? 0 : 143;
    },

    async free(ctx) {
      const flag = ctx.argv.slice(1).find((a) => a.startsWith('-')) ?? '-k';
      const unit: Record<string, number> = { '-b': 1024 * 1024, '-k': 1024, '-m': 1, '-g': 1 / 1024, '-h': 1 };
      if (!(flag in unit)) {
        ctx.io.err(`free: invalid option -- '${flag.slice(1)}'\nBusyBox v1.35.0 multi-call binary.\n\nUsage: free [-bkmgh]\n`);
        return 1;
      }
      const m = snap.memory;
      const v = (mb: number) => (flag === '-h' ? `${mb.toFixed(1)}M` : String(Math.round(mb * unit[flag])));
      const row = (label: string, values: number[]) => label + v(values[0]).padStart(19 - label.length) + values.slice(1).map((x) => v(x).padStart(12)).join('');
      ctx.io.out(
        '              total        used        free      shared  buff/cache   available\n' +
          row('Mem:', [m.totalMb, m.usedMb, m.freeMb, m.sharedMb, m.buffCacheMb, m.availableMb]) + '\n' +
          row('Swap:', [0, 0, 0]) + '\n',
      );
      return 0;
    },

    async printenv(ctx) {
      const names = ctx.argv.slice(1);
      if (names.length === 0) {
        ctx.io.out(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
        return 0;
      }
      let status = 0;
      for (const n of names) {
        if (ctx.env[n] === undefined) status = 1;
        else ctx.io.out(`${ctx.env[n]}\n`);
      }
      return status;
    },

    async env(ctx) {
      const args = ctx.argv.slice(1);
      let env: Record<string, string> = { ...ctx.env };
      while (args.length) {
        const a = args[0];
        if (a === '-i' || a === '-') env = {};
        else if (a === '-u' && args.length > 1) {
          delete env[args[1]];
          args.shift();
        } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
          const i = a.indexOf('=');
          env[a.slice(0, i)] = a.slice(i + 1);
        } else break;
        args.shift();
      }
      if (args.length === 0) {
        ctx.io.out(Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''));
        return 0;
      }
      return ctx.exec(args, { env });
    },
  };
}

/** The executables a shell finds for these names (so `exec: "bash": …` and `sh: bash: not found` stay honest). */
export const SHELLS = new Set(['sh', 'ash', '/bin/sh', '/bin/ash']);
