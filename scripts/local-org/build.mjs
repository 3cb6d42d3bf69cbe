#!/usr/bin/env node
// Builds local-org alone (the full `npm run build` also builds it): type-check and emit to .build/local-org, with its
// package.json beside the output so Node loads it as ES modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'local-org')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
mkdirSync(join(root, '.build/local-org'), { recursive: true });
copyFileSync(join(root, 'local-org/package.json'), join(root, '.build/local-org/package.json'));
