#!/usr/bin/env node
// `npm run host` / `npm run sandbox` / `npm run hub`: build the bundles, then run a Node entry of out/main
// with the arguments given after `--`. Builds every time (about 3 s) so it never runs stale code, unless
// HEXIAO_NO_BUILD=1 says out/ is already current (the tests: `npm test` builds once, and a rebuild would
// empty out/ under the browser tests running beside them).
//
// Stopping: SIGINT/SIGTERM are forwarded to the child, and this process exits with the child's code. A SIGTERM
// sent to the npm process (what a service manager or a script sends) does not reach us: npm forwards it to the
// `sh -c` it started, which dies without passing it on. So we also watch our parent: when it is gone we stop the
// child the same way, and no host is left serving as an orphan.
import { execFileSync, spawn } from 'node:child_process'

const [entry, ...args] = process.argv.slice(2)
const entries = { host: 'out/main/host.js', sandbox: 'out/main/sandbox.js', hub: 'out/main/hub.js' }
if (!entries[entry]) {
  console.error(`usage: run-built.mjs ${Object.keys(entries).join('|')} [args…]`)
  process.exit(2)
}
if (process.env.HEXIAO_NO_BUILD !== '1')
  execFileSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
const child = spawn(process.execPath, [entries[entry], ...args], { stdio: 'inherit' })

let stopping = false
function stop(signal) {
  if (stopping) return
  stopping = true
  child.kill(signal)
  // A child that ignores the signal is not left running behind us.
  setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal))

const parent = process.ppid
const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return err.code === 'EPERM'
  }
}
setInterval(() => {
  if (!alive(parent)) stop('SIGTERM')
}, 250).unref()

child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 0)))
