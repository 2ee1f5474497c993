#!/usr/bin/env node
// Dependency-free preparation step for `npm start` / `npm test` / `npm run bench`:
// installs packages and builds only what is missing or out of date, so a newcomer
// types one command. Runs before any package is installed, so it uses Node built-ins only.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wantBuild = process.argv.includes('--build');

function run(command) {
  console.log(`[prepare] ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** Newest modification time of any file below `dir` (skipping build output and packages). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  const stat = statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'dist-types') continue;
    latest = Math.max(latest, newest(join(dir, entry)));
  }
  return latest;
}

// npm writes node_modules/.package-lock.json after every install; if it is older
// than package-lock.json, the installed packages are stale.
const installedLock = join(root, 'node_modules', '.package-lock.json');
if (mtime(installedLock) < mtime(join(root, 'package-lock.json'))) {
  run('npm ci --no-audit --no-fund');
}

if (wantBuild) {
  // tsc -b is incremental: it only rebuilds projects whose inputs changed.
  run('npx tsc -b');
  const ui = join(root, 'modeler-ui');
  const uiInputs = Math.max(newest(join(ui, 'src')), mtime(join(ui, 'index.html')), mtime(join(ui, 'vite.config.ts')));
  if (mtime(join(ui, 'dist', 'index.html')) < uiInputs) {
    run('npm run build -w modeler-ui');
  }
}
