#!/usr/bin/env node
// `npm run host` / `npm run sandbox`: build the bundles, then run a Node entry of out/main
// with the arguments given after `--`. Builds every time (about 3 s) so it never runs stale code.
import { execFileSync, spawn } from 'node:child_process'

const [entry, ...args] = process.argv.slice(2)
const entries = { host: 'out/main/host.js', sandbox: 'out/main/sandbox.js' }
if (!entries[entry]) {
  console.error(`usage: run-built.mjs ${Object.keys(entries).join('|')} [args…]`)
  process.exit(2)
}
execFileSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
const child = spawn(process.execPath, [entries[entry], ...args], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
