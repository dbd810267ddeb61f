// The corpus: Go code nobody here wrote — Debian's golang-*-dev sources under /usr/share/gocode/src.
// A fixed list of packages, all in what `apt-get install golang-github-gin-gonic-gin-dev
// golang-github-rs-zerolog-dev` brings (their dependencies), so the sample is the same on every
// machine CI runs on, whatever else is installed there. Functions are drawn with a fixed seed.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const GOCODE = '/usr/share/gocode';

/** Go package → the Debian package that ships it. */
export const CORPUS: readonly { pkg: string; deb: string }[] = [
  { pkg: 'github.com/gin-gonic/gin/render', deb: 'golang-github-gin-gonic-gin-dev' },
  { pkg: 'github.com/gin-gonic/gin/binding', deb: 'golang-github-gin-gonic-gin-dev' },
  { pkg: 'github.com/gin-contrib/sse', deb: 'golang-github-gin-contrib-sse-dev' },
  { pkg: 'github.com/rs/zerolog', deb: 'golang-github-rs-zerolog-dev' },
  { pkg: 'github.com/rs/xid', deb: 'golang-github-rs-xid-dev' },
  { pkg: 'github.com/pkg/errors', deb: 'golang-github-pkg-errors-dev' },
  { pkg: 'github.com/davecgh/go-spew/spew', deb: 'golang-github-davecgh-go-spew-dev' },
  { pkg: 'github.com/mattn/go-isatty', deb: 'golang-github-mattn-go-isatty-dev' },
  { pkg: 'github.com/pelletier/go-toml/v2', deb: 'golang-github-pelletier-go-toml.v2-dev' },
  { pkg: 'github.com/stretchr/objx', deb: 'golang-github-stretchr-objx-dev' },
  { pkg: 'github.com/yuin/goldmark/parser', deb: 'golang-github-yuin-goldmark-dev' },
  { pkg: 'github.com/go-playground/validator/v10', deb: 'golang-github-go-playground-validator-v10-dev' },
  { pkg: 'github.com/go-playground/universal-translator', deb: 'golang-github-go-playground-universal-translator-dev' },
  { pkg: 'github.com/coreos/go-systemd/unit', deb: 'golang-github-coreos-go-systemd-dev' },
  { pkg: 'github.com/coreos/go-systemd/journal', deb: 'golang-github-coreos-go-systemd-dev' },
  { pkg: 'golang.org/x/net/html/atom', deb: 'golang-golang-x-net-dev' },
  { pkg: 'golang.org/x/mod/modfile', deb: 'golang-golang-x-mod-dev' },
  { pkg: 'golang.org/x/mod/module', deb: 'golang-golang-x-mod-dev' },
  { pkg: 'golang.org/x/net/html', deb: 'golang-golang-x-net-dev' },
  { pkg: 'golang.org/x/net/http2/hpack', deb: 'golang-golang-x-net-dev' },
  { pkg: 'golang.org/x/net/idna', deb: 'golang-golang-x-net-dev' },
  { pkg: 'golang.org/x/text/unicode/norm', deb: 'golang-golang-x-text-dev' },
  { pkg: 'golang.org/x/text/language', deb: 'golang-golang-x-text-dev' },
  { pkg: 'golang.org/x/crypto/bcrypt', deb: 'golang-golang-x-crypto-dev' },
  { pkg: 'golang.org/x/crypto/cryptobyte', deb: 'golang-golang-x-crypto-dev' },
  { pkg: 'gopkg.in/yaml.v3', deb: 'golang-gopkg-yaml.v3-dev' },
  { pkg: 'google.golang.org/protobuf/encoding/protowire', deb: 'golang-google-protobuf-dev' },
  { pkg: 'golang.org/x/tools/go/ast/astutil', deb: 'golang-golang-x-tools-dev' },
];

export const SEED = 0x12beac0;
export const PER_PACKAGE = 8;

/** The corpus packages that are not installed, with the apt-get line that installs them. */
export function missingCorpus(): { missing: string[]; hint: string } {
  const missing = CORPUS.filter((c) => !fs.existsSync(path.join(GOCODE, 'src', c.pkg)));
  return { missing: missing.map((m) => m.pkg), hint: `apt-get install ${[...new Set(missing.map((m) => m.deb))].join(' ')}` };
}

/** mulberry32: a small seeded generator, the same sequence everywhere. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
