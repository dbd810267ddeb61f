#!/usr/bin/env node
'use strict';
// The installed `beacon-debug` command. The CLI is built into dist/ (`npm run build`; the npm package ships it).
const path = require('path');
const fs = require('fs');
const chunk = path.join(__dirname, '..', 'dist', 'chunk-cli.js');
if (!fs.existsSync(chunk)) {
  process.stderr.write(`beacon-debug: ${chunk} is missing: run \`npm run build\` first.\n`);
  process.exit(2);
}
require(chunk).load('src/cli/main.ts').main(process.argv.slice(2));
