#!/usr/bin/env node
// `npm test` runs under Node, `npm start` under Electron, and better-sqlite3 is compiled per
// ABI. This makes sure the native modules load under THIS Node before the tests run, and
// rebuilds them for Node only when they don't (e.g. right after `npm start` rebuilt them
// for Electron). node-hid and serialport are N-API prebuilds and load in both.
import { execFileSync, spawnSync } from 'node:child_process'

const probes = {
  'better-sqlite3': "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get()",
  'node-hid': "require('node-hid').getHidapiVersion()",
  '@serialport/bindings-cpp': "require('@serialport/bindings-cpp')"
}

function loads(name) {
  const r = spawnSync(process.execPath, ['-e', probes[name]], { encoding: 'utf8' })
  return { ok: r.status === 0, error: (r.stderr || '').split('\n').find((l) => /Error/.test(l)) ?? r.stderr }
}

let failed = false
for (const name of Object.keys(probes)) {
  let probe = loads(name)
  if (probe.ok) continue
  console.log(`[native] ${name} does not load under Node ${process.version}: ${probe.error.trim()}`)
  console.log(`[native] rebuilding ${name} for Node…`)
  execFileSync('npm', ['rebuild', name, '--foreground-scripts'], { stdio: 'inherit' })
  probe = loads(name)
  if (!probe.ok) {
    console.error(`[native] ${name} still does not load after a rebuild: ${probe.error}`)
    if (name === 'node-hid')
      console.error('[native] node-hid needs libusb-1.0-0 (apt-get install libusb-1.0-0).')
    failed = true
  }
}
if (failed) process.exit(1)
console.log('[native] better-sqlite3, node-hid and serialport load under Node.')
