#!/usr/bin/env node
'use strict';
// The CLI is bundled to dist/cli.js by `npm run build` (or `node scripts/build.mjs --cli-only`).
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`beacon-debug: ${cli} is missing: run \`npm run build\` first.\n`);
  process.exit(2);
}
require(cli);
