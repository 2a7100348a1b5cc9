#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` (run automatically by `npm install` / `npm ci`).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('lanzarote-lint: dist/cli.js is missing. Run "npm run build" first.\n');
  process.exit(2);
}
require(bundle);
