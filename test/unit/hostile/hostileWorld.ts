/**
 * A hostile world around the simulator: the same corpus of terminal attacks and bad text is put into
 * everything that comes from outside the process — every JSON string and every text body the runner
 * and the router answer (through a rewriting proxy), every line `flyctl` prints (through a wrapper
 * around the fake one), plus invalid UTF-8 and a 1 MB line. Shared by the unit test of every sink and
 * by the extension's integration test.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Target } from '../../../src/engine/types';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';

/** One hostile input: what is sent, and how it reads once made inert (proof that it reached a sink). */
export interface HostileInput {
  name: string;
  raw: string;
  shown: string;
}

const HUGE_MARK = 'HUGE-LINE-START';
const BAD_UTF8_MARK = 'bad-utf8:';

export const CORPUS: readonly HostileInput[] = [
  { name: 'OSC 52 (clipboard)', raw: '\x1b]52;c;ZWNobyBwd25lZA==\x07', shown: '\\x1b]52;c;ZWNobyBwd25lZA==\\x07' },
  { name: 'OSC 0 (title)', raw: '\x1b]0;pwned-title\x07', shown: '\\x1b]0;pwned-title\\x07' },
  { name: 'OSC 8 (link)', raw: '\x1b]8;;https://evil.example/\x1b\\click-me\x1b]8;;\x1b\\', shown: '\\x1b]8;;https://evil.example/\\x1b\\click-me' },
  { name: 'CSI 2J (clear)', raw: '\x1b[2J\x1b[H', shown: '\\x1b[2J\\x1b[H' },
  { name: 'SGR colour', raw: '\x1b[31mRED-SGR\x1b[0m', shown: 'RED-SGR' },
  { name: 'bare CR', raw: 'FAIL\rPASS', shown: 'FAIL\\rPASS' },
  { name: 'U+009B (C1 CSI)', raw: '\u009b2J-c1', shown: '\\x9b2J-c1' },
  { name: 'U+202E and other bidi', raw: '\u202eevil\u202c\u2066iso\u2069\u200fmark', shown: '\\u202eevil\\u202c\\u2066iso\\u2069\\u200fmark' },
  { name: 'NUL', raw: 'nul\x00byte', shown: 'nul\\x00byte' },
  { name: 'invalid UTF-8', raw: '', shown: `${BAD_UTF8_MARK}\ufffd` },
  { name: '1 MB line', raw: '', shown: HUGE_MARK },
];

/** Every raw control the sanitiser exists to stop (a CR is only allowed before a LF). */
export const RAW_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function rawControls(text: string): string[] {
  return [...text.matchAll(RAW_CONTROL)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Which inputs a sink's text shows (inert), by name. */
export function inputsShown(text: string): Set<string> {
  return new Set(CORPUS.filter((c) => text.includes(c.shown)).map((c) => c.name));
}

/** All small inputs in one string (every outside string carries all of them). */
const ALL = CORPUS.map((c) => c.raw).join(' ');
/** A 1 MB line with controls spread through it. */
const HUGE = `${HUGE_MARK} ` + Array.from({ length: 1024 }, (_, i) => `${'x'.repeat(1000)}${CORPUS[i % 9].raw}`).join('');
const BAD_UTF8 = Buffer.concat([Buffer.from(BAD_UTF8_MARK), Buffer.from([0xff, 0xfe, 0xc3])]);
const BAD_UTF8_PLACEHOLDER = '\ue000BAD';

/** Every string of a JSON answer gets the corpus (the 1 MB line comes from flyctl: a body that large is cut). */
function poison(v: unknown): unknown {
  if (typeof v === 'string') return `${v} ${ALL} ${BAD_UTF8_PLACEHOLDER}`;
  if (Array.isArray(v)) return v.map(poison);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x)]));
  return v;
}

/** Replaces the placeholder by invalid UTF-8 bytes in the serialised body. */
function withBadUtf8(text: string): Buffer {
  const parts = text.split(BAD_UTF8_PLACEHOLDER);
  return Buffer.concat(parts.flatMap((p, i) => (i ? [BAD_UTF8, Buffer.from(p)] : [Buffer.from(p)])));
}

/** An HTTP proxy in front of `upstream` that poisons every answer. */
async function hostileProxy(upstream: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const up = http.request(new URL(req.url!, upstream), { method: req.method, headers: { ...req.headers, host: new URL(upstream).host } }, (ur) => {
        const body: Buffer[] = [];
        ur.on('data', (c: Buffer) => body.push(c));
        ur.on('end', () => {
          const text = Buffer.concat(body).toString('utf8');
          const type = String(ur.headers['content-type'] ?? '');
          let out: Buffer;
          if (type.includes('json')) {
            let doc: unknown;
            try {
              doc = JSON.parse(text);
            } catch {
              doc = text;
            }
            out = withBadUtf8(JSON.stringify(poison(doc)));
          } else {
            out = withBadUtf8(`${text}${text.endsWith('\n') || !text ? '' : '\n'}# ${ALL} ${BAD_UTF8_PLACEHOLDER}\n`);
          }
          const headers = { ...ur.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          res.writeHead(ur.statusCode ?? 502, { ...headers, 'content-length': String(out.length) });
          res.end(out);
        });
      });
      up.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

/** A flyctl that runs the simulator's and adds the corpus to every line it prints. */
function hostileFlyctl(dir: string, real: string): string {
  const file = path.join(dir, 'flyctl');
  const body = `
const { spawn } = require('child_process');
const ALL = ${JSON.stringify(ALL)};
const HUGE = ${JSON.stringify(HUGE)};
const BAD = Buffer.from(${JSON.stringify([...BAD_UTF8])});
const child = spawn(${JSON.stringify(real)}, process.argv.slice(2), { stdio: ['inherit', 'pipe', 'pipe'] });
let buf = '';
const line = (l) => process.stdout.write(Buffer.concat([Buffer.from(l + ' ' + ALL + ' '), BAD, Buffer.from('\\n')]));
child.stdout.setEncoding('utf8');
child.stdout.on('data', (d) => { buf += d; let i; while ((i = buf.indexOf('\\n')) >= 0) { line(buf.slice(0, i)); buf = buf.slice(i + 1); } });
child.stderr.on('data', (d) => process.stderr.write(d + ALL + '\\n'));
child.on('exit', (code) => {
  if (buf) line(buf);
  if (process.argv.includes('ssh') || process.argv.includes('logs')) process.stdout.write(HUGE + '\\n');
  process.exitCode = code ?? 1;
});`;
  fs.writeFileSync(file, `#!${process.execPath}\n${body}\n`, { mode: 0o755 });
  return file;
}

export interface HostileWorld {
  sim: Simulator;
  target: Target;
  stop(): Promise<void>;
}

/** The simulator in `fault`, seen through the hostile proxies and flyctl. */
export async function startHostileWorld(dir: string, fault = 'no-healthy-providers'): Promise<HostileWorld> {
  const sim = await startSimulator({ fault, adminIntervalMs: 0, requestsPerMinute: 100_000 });
  const runner = await hostileProxy(sim.runnerUrl);
  const router = await hostileProxy(sim.routerUrl);
  const url = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  const target: Target = {
    name: 'hostile',
    flyApp: sim.flyApp,
    runnerUrl: url(runner),
    routerUrl: url(router),
    routerFlyApp: sim.routerFlyApp,
    flyctlPath: hostileFlyctl(dir, sim.flyctlPath),
    psqlPath: sim.psqlPath,
    adminToken: sim.adminToken,
    databaseUrl: sim.databaseUrl,
  };
  return {
    sim,
    target,
    async stop() {
      for (const s of [runner, router]) {
        s.closeAllConnections();
        await new Promise((r) => s.close(r));
      }
      await sim.stop();
    },
  };
}
