#!/usr/bin/env node
// Rebuilds better-sqlite3 — and only it — for the Electron in node_modules, then proves it by reading
// the binary (node_register_module_v<Electron's ABI>). `npm run dist:*` runs this before electron-builder.
//
// Why only better-sqlite3: it uses V8's API and is built per ABI. node-hid and @serialport/bindings-cpp
// are N-API and ship prebuilds that load in Electron as they are; letting electron-builder rebuild them
// would compile them from source (node-hid then needs libusb/libudev headers) for no gain.
//
// How: better-sqlite3's own install script (`prebuild-install || node-gyp rebuild --release`), told to
// target Electron through the environment, exactly as Electron's docs describe for npm. prebuild-install
// first tries a prebuilt Electron binary from better-sqlite3's GitHub releases; node-gyp falls back to
// compiling with Electron's headers from electronjs.org. Both need the internet.
//
// A `nodedir` in ~/.npmrc (this project's machines set nodedir=/usr) makes node-gyp compile against
// Node's headers and report success; npm re-exports it whatever the environment says, so it is cleared
// through node-gyp's own package-config variables, which take precedence over npm_config_*.
// Afterwards node_modules holds an Electron build: `npm test` notices and rebuilds it for Node.
//
// Usage: node scripts/packaging/rebuild-native.mjs [--platform win32|linux] [--arch x64] [--project <dir>]
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { binaryInfo, electronTarget, nodeModuleAbis } from './natives.mjs'

const DEFAULT_HEADERS = 'https://electronjs.org/headers'
export const BINARY = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'

/**
 * The environment for `npm rebuild better-sqlite3` that targets Electron.
 * @param {NodeJS.ProcessEnv} base
 * @param {{ version: string, arch: string }} electron
 */
export function electronBuildEnv(base, { version, arch }) {
  const env = { ...base }
  const headers = base['ELECTRON_HEADERS_URL'] || DEFAULT_HEADERS
  Object.assign(env, {
    // prebuild-install reads these
    npm_config_runtime: 'electron',
    npm_config_target: version,
    npm_config_arch: arch,
    npm_config_target_arch: arch,
    npm_config_disturl: headers,
    // node-gyp reads these after npm_config_* and lets them win (npm re-exports ~/.npmrc's nodedir)
    npm_package_config_node_gyp_runtime: 'electron',
    npm_package_config_node_gyp_target: version,
    npm_package_config_node_gyp_arch: arch,
    npm_package_config_node_gyp_dist_url: headers,
    npm_package_config_node_gyp_nodedir: ''
  })
  // a build-from-source request or a foreign platform left in the environment would defeat the above
  delete env['npm_config_build_from_source']
  delete env['npm_config_platform']
  return env
}

/**
 * What the better-sqlite3 binary in a project is built for, or why it is not usable for Electron.
 * @returns {{ ok: boolean, detail: string }}
 */
export function inspectBetterSqlite(projectDir, { platform, arch, abi, version }) {
  const file = join(projectDir, BINARY)
  if (!existsSync(file)) return { ok: false, detail: `${BINARY} does not exist` }
  const buf = readFileSync(file)
  const info = binaryInfo(buf)
  const wanted = { win32: 'pe', linux: 'elf', darwin: 'macho' }[platform]
  const abis = nodeModuleAbis(buf)
  const detail = `${info.format}/${info.arch}, ABI ${abis.join(', ') || 'none'} (Electron ${version} needs ${abi})`
  return { ok: info.format === wanted && info.arch === arch && abis.includes(abi), detail }
}

/**
 * The one rebuild command `npm start` and `npm run dist:*` run: better-sqlite3 and nothing else, through its own
 * install script (prebuild-install first, node-gyp as the fallback), pointed at Electron's ABI by the environment.
 * test/packaging/startElectron.test.ts pins it, so nobody widens it to every native module unnoticed.
 */
export function electronRebuildCommand(base, electron) {
  return {
    command: 'npm',
    args: ['rebuild', 'better-sqlite3', '--foreground-scripts'],
    env: electronBuildEnv(base, electron)
  }
}

/**
 * Makes node_modules' better-sqlite3 an Electron build for this machine, unless it already is.
 * @returns {{ ok: boolean, rebuilt: boolean, detail: string, electron: { version: string, abi: number } }}
 */
export function rebuildBetterSqliteForElectron(projectDir, { platform, arch, log = console.log }) {
  const electron = electronTarget(projectDir)
  const target = { platform, arch, abi: electron.abi, version: electron.version }
  const before = inspectBetterSqlite(projectDir, target)
  if (before.ok) return { ok: true, rebuilt: false, detail: before.detail, electron }
  log(`[rebuild-native] better-sqlite3 is ${before.detail}; rebuilding for Electron ${electron.version}…`)
  const { command, args, env } = electronRebuildCommand(process.env, { version: electron.version, arch })
  const result = spawnSync(command, args, {
    cwd: projectDir,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32'
  })
  const after = inspectBetterSqlite(projectDir, target)
  return { ok: result.status === 0 && after.ok, rebuilt: true, detail: after.detail, electron }
}

export const REBUILD_NEEDS =
  'prebuild-install needs github.com, node-gyp needs Electron headers from electronjs.org (or ' +
  'ELECTRON_HEADERS_URL) and a C++ toolchain (Windows: Visual Studio Build Tools with "Desktop development ' +
  'with C++", and Python 3).'

function main() {
  const { values } = parseArgs({
    options: { platform: { type: 'string' }, arch: { type: 'string' }, project: { type: 'string' } }
  })
  const projectDir = resolve(values.project ?? join(dirname(fileURLToPath(import.meta.url)), '../..'))
  const platform = values.platform ?? process.platform
  const arch = values.arch ?? process.arch
  const fail = (message) => {
    console.error(`[rebuild-native] ${message}`)
    process.exit(1)
  }

  if (platform !== process.platform || arch !== process.arch) {
    fail(
      `this machine is ${process.platform}-${process.arch}, the package is ${platform}-${arch}. better-sqlite3 is ` +
        'compiled for the machine it is built on: build the Windows installer on Windows x64 and the Linux ' +
        'packages on Linux x64 (docs/packaging.md).'
    )
  }
  const outcome = rebuildBetterSqliteForElectron(projectDir, { platform, arch })
  if (!outcome.ok)
    fail(
      `better-sqlite3 is not usable in Electron ${outcome.electron.version}: ${outcome.detail}. ${REBUILD_NEEDS}`
    )
  console.log(
    `[rebuild-native] better-sqlite3 is ${outcome.rebuilt ? '' : 'already '}built for Electron: ${outcome.detail}`
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
