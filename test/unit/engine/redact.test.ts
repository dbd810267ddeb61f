import * as assert from 'node:assert/strict';
import { createRedactor, LineRedactor, redactDeep, redactorFor, targetSecrets } from '../../../src/engine/redact';

describe('engine/redact', () => {
  const r = createRedactor();

  it('masks Bearer and Basic credentials and Authorization headers', () => {
    assert.equal(r.redact('Authorization: Bearer abc.def-123_XYZ=='), 'Authorization: Bearer ***');
    assert.equal(r.redact('curl -H "Authorization: Bearer s3cr3t" http://x'), 'curl -H "Authorization: Bearer ***" http://x');
    assert.equal(r.redact('authorization: Basic dXNlcjpwYXNz'), 'authorization: Basic ***');
    assert.equal(r.redact('Authorization: Token abcdef'), 'Authorization: Token ***');
    assert.equal(r.redact('Authorization: rawtoken123'), 'Authorization: ***');
  });

  it('masks the password of URL user-info', () => {
    assert.equal(r.redact('postgres://beacon:hunter22@db.internal:5432/app'), 'postgres://beacon:***@db.internal:5432/app');
    assert.equal(r.redact('dial https://u:p%40ss@host/x failed'), 'dial https://u:***@host/x failed');
    assert.equal(r.redact('https://example.com/path'), 'https://example.com/path');
  });

  it('masks values of *_TOKEN, *_KEY, *_SECRET, *_PASSWORD, *_DSN and DATABASE_URL in K=V form', () => {
    const text = [
      'ADMIN_TOKEN=tok-123', 'STRIPE_API_KEY=sk_live_1', 'JWT_SECRET="quoted value"', 'DB_PASSWORD=pw',
      'SENTRY_DSN=https://abc@sentry.io/1', 'DATABASE_URL=postgres://a:b@h/d', 'PGPASSWORD=x1',
      'HYBRID_BASE=https://router', 'HYBRID_ROUTER_TIMEOUT=300', 'ADMIN_TOKEN=',
    ].join('\n');
    assert.equal(r.redact(text), [
      'ADMIN_TOKEN=***', 'STRIPE_API_KEY=***', 'JWT_SECRET="***"', 'DB_PASSWORD=***',
      'SENTRY_DSN=***', 'DATABASE_URL=***', 'PGPASSWORD=***',
      'HYBRID_BASE=https://router', 'HYBRID_ROUTER_TIMEOUT=300', 'ADMIN_TOKEN=',
    ].join('\n'));
  });

  it('masks K: V and JSON "k": "v" forms, leaving other keys and non-string JSON values alone', () => {
    assert.equal(r.redact('ADMIN_TOKEN: abc123'), 'ADMIN_TOKEN: ***');
    assert.equal(r.redact('x-api-key: k-999'), 'x-api-key: ***');
    assert.equal(
      r.redact('{"admin_token": "t-1", "api_key":"k-2", "db_password" : "p\\"3", "user": "bob", "secret_key": null}'),
      '{"admin_token": "***", "api_key":"***", "db_password" : "***", "user": "bob", "secret_key": null}',
    );
    assert.equal(r.redact('token=abc&page=2'), 'token=***&page=2');
    assert.equal(r.redact('source=HYBRID_ROUTER_TIMEOUT env_value="" monkey=banana'), 'source=HYBRID_ROUTER_TIMEOUT env_value="" monkey=banana');
  });

  it('masks the exact secrets of the target wherever they appear, keeping the database host readable', () => {
    const red = redactorFor({ adminToken: 'canary-admin-7f3a', databaseUrl: 'postgres://beacon:p%40ss-w0rd@db.example:5432/beacon' });
    assert.equal(red.redact('token canary-admin-7f3a seen'), 'token *** seen');
    assert.equal(red.redact('xxcanary-admin-7f3axx'), 'xx***xx');
    assert.equal(red.redact('url postgres://beacon:p%40ss-w0rd@db.example:5432/beacon'), 'url postgres://beacon:***@db.example:5432/beacon');
    assert.equal(red.redact('password is p@ss-w0rd'), 'password is ***');
    assert.equal(red.redact('raw p%40ss-w0rd'), 'raw ***');
    assert.deepEqual(targetSecrets({}), []);
  });

  it('ignores exact secrets too short to be safely replaced', () => {
    const red = createRedactor(['ab']);
    assert.equal(red.redact('about a cab'), 'about a cab');
  });

  it('redacts secrets split across chunk boundaries (line buffering)', () => {
    const red = redactorFor({ adminToken: 'canary-admin-7f3a' });
    const out: string[] = [];
    const lr = new LineRedactor(red, (s) => out.push(s));
    for (const chunk of ['first line\nthe token is can', 'ary-adm', 'in-7f3a and\nADMIN_TO', 'KEN=zzz', '9\nAuthorization: Bea', 'rer abc.def\ntail without newline canary-', 'admin-7f3a']) lr.write(chunk);
    lr.flush();
    const all = out.join('');
    assert.equal(all, 'first line\nthe token is *** and\nADMIN_TOKEN=***\nAuthorization: Bearer ***\ntail without newline ***');
    assert.ok(!all.includes('zzz9'));
    for (const piece of out) assert.ok(!piece.includes('canary'), piece);
  });

  it('flushes a partial line that grows past the limit', () => {
    const out: string[] = [];
    const lr = new LineRedactor(createRedactor(), (s) => out.push(s), 10);
    lr.write('0123456789abc');
    assert.deepEqual(out, ['0123456789abc']);
  });

  it('redacts every string of a report-like value', () => {
    const red = redactorFor({ adminToken: 'canary-admin-7f3a' });
    const v = redactDeep({ a: ['x canary-admin-7f3a'], b: { c: 'Bearer qq', n: 3, z: null } }, red);
    assert.deepEqual(v, { a: ['x ***'], b: { c: 'Bearer ***', n: 3, z: null } });
  });
});

describe('engine/redact: secrets in every encoding (issue 11 D10, D11)', () => {
  // a token with every character the encodings treat specially
  const TOKEN = 'tok"en\\<&>\'Zq9-canary';
  const red = redactorFor({ adminToken: TOKEN });

  function base64At(secret: string, align: number): string[] {
    // the secret inside a larger base64 blob, starting at byte offset 0, 1 or 2 (mod 3)
    const data = Buffer.concat([Buffer.from('xyz'.slice(0, align)), Buffer.from(secret), Buffer.from('!tail')]);
    return [data.toString('base64'), data.toString('base64url')];
  }

  it('masks JSON-escaped, URL-encoded, HTML-escaped and base64 forms of the token', () => {
    const forms: Record<string, string> = {
      json: JSON.stringify({ token: TOKEN }),
      goJson: JSON.stringify({ token: TOKEN }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'),
      url: `https://x.example/?t=${encodeURIComponent(TOKEN)}&p=2`,
      urlLower: `t=${encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
      form: new URLSearchParams({ t: TOKEN }).toString(),
      html: `<td>${TOKEN.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</td>`,
      htmlHex: TOKEN.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#x27;'),
    };
    for (const align of [0, 1, 2]) {
      const [std, url] = base64At(TOKEN, align);
      forms[`base64@${align}`] = `data ${std} end`;
      forms[`base64url@${align}`] = `data ${url} end`;
    }
    for (const [name, text] of Object.entries(forms)) {
      const out = red.redact(text);
      assert.ok(out.includes('***'), `${name}: masked: ${out}`);
      assert.ok(!out.includes('Zq9-canary'), `${name}: ${out}`);
      for (const align of [0, 1, 2]) {
        for (const b of base64At(TOKEN, align)) assert.ok(!out.includes(b.slice(4, 20)), `${name}: base64 piece left: ${out}`);
      }
    }
  });

  it('masks an admin token of 40,000 identical characters without a RegExp error, and no error names it', () => {
    const big = 'A'.repeat(40_000);
    let r!: ReturnType<typeof redactorFor>;
    assert.doesNotThrow(() => {
      r = redactorFor({ adminToken: big });
    });
    const out = r.redact(`before ${big} after`);
    assert.equal(out, 'before *** after');
  });

  it('keeps the ")" after a masked Bearer credential', () => {
    const r = createRedactor();
    assert.equal(r.redact('(Authorization: Bearer abc.def)'), '(Authorization: Bearer ***)');
    assert.equal(r.redact('[Authorization: Bearer abc]'), '[Authorization: Bearer ***]');
  });

  it('masks a JSON key\'s string value, but not an object or array value (the keys inside are judged on their own)', () => {
    const r = createRedactor();
    assert.equal(r.redact('{"api_key": {"id": 7, "note": "rotated"}}'), '{"api_key": {"id": 7, "note": "rotated"}}');
    assert.equal(r.redact('{"secret_key": ["a", "b"]}'), '{"secret_key": ["a", "b"]}');
    assert.equal(r.redact('{"api_key": {"token": "t-1"}}'), '{"api_key": {"token": "***"}}');
  });
});
