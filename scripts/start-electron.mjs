#!/usr/bin/env node
// `npm start`: open the real Electron app.
//  1. Electron's own binary: the electron package downloads it on first use. When that fails (no internet, a
//     proxy), say so in the user's terms — the station also runs in a browser with `npm run host` — and stop.
//  2. better-sqlite3, and only it, built for Electron's ABI (its prebuilt binary first, a compile only as the
//     fallback): scripts/packaging/rebuild-native.mjs. node-hid and @serialport/bindings-cpp are N-API prebuilds
//     that load in Electron as they are, so they are never rebuilt (no libusb headers, no MSVC needed).
//  3. Build the bundles, then launch Electron with any arguments given after `--`.
// Afterwards node_modules holds an Electron build of better-sqlite3: `npm test` notices and rebuilds it for Node.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { REBUILD_NEEDS, rebuildBetterSqliteForElectron } from './packaging/rebuild-native.mjs'

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The message when Electron's binary cannot be had: what failed, the browser alternative, how to fix it online. */
export function electronUnavailableMessage(version) {
  return [
    '',
    `Electron ${version} could not be downloaded, so the desktop app cannot open on this computer yet.`,
    '',
    '  Use the station in a browser instead (same screens, same data handling):',
    '      npm run host -- --data-dir ./data',
    '    then open the address it prints (http://127.0.0.1:…/#token=…).',
    '',
    '  To install Electron once this computer is online (or behind a proxy that allows it):',
    '      npx --no install-electron',
    '    then run `npm start` again. Behind a mirror, set ELECTRON_MIRROR first (docs/packaging.md).',
    ''
  ].join('\n')
}

/** Where the electron package keeps its binary, or null when it is not (fully) downloaded. */
export function electronBinary(dir = projectDir) {
  const pkg = join(dir, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function ensureElectron() {
  const version = JSON.parse(
    readFileSync(join(projectDir, 'node_modules/electron/package.json'), 'utf8')
  ).version
  let binary = electronBinary()
  if (binary) return binary
  console.log(`[start] Downloading Electron ${version}…`)
  const download = spawnSync(process.execPath, [join(projectDir, 'node_modules/electron/install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60_000
  })
  binary = electronBinary()
  if (binary) return binary
  const reason = (download.stderr || download.error?.message || '').split('\n').find((l) => l.trim()) ?? ''
  console.error(`[start] The download failed${reason ? `: ${reason.trim()}` : ''}`)
  console.error(electronUnavailableMessage(version))
  process.exit(1)
}

function main() {
  const binary = ensureElectron()
  const native = rebuildBetterSqliteForElectron(projectDir, {
    platform: process.platform,
    arch: process.arch
  })
  if (!native.ok) {
    console.error(
      `[start] better-sqlite3 could not be built for Electron ${native.electron.version}: ${native.detail}. ${REBUILD_NEEDS}`
    )
    console.error('[start] The browser version works without it: npm run host -- --data-dir ./data')
    process.exit(1)
  }
  execFileSync(
    process.execPath,
    [join(projectDir, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      stdio: 'inherit',
      cwd: projectDir
    }
  )
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', cwd: projectDir })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
