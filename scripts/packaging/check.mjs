#!/usr/bin/env node
// `npm run pack:check`: the packaging smoke test, as far as the machine allows.
//
// Always (offline): builds the bundles with electron-vite and checks that what electron-builder will
// pack (out/main, out/preload, out/renderer, package.json's "main") is there.
// Only when the Electron binary can be had (installed in node_modules/electron/dist, in the download
// cache, or downloadable): rebuilds better-sqlite3 for Electron, runs `electron-builder --dir` for this
// OS (the afterPack hook checks the native modules) and reads the fuses back from the packaged binary
// (the same wire `npx @electron/fuses read --app <exe>` shows).
// Otherwise it says why packaging cannot run here and exits 0: this project's CI machines only reach
// the npm registry, and Electron, its headers and electron-builder's tools all come from elsewhere.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { HARDENED_FUSES, fuseMismatches, readFuseWire } from './fuses.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const DIST_FLAG = { linux: '--linux', win32: '--win' }
const UNPACKED = {
  linux: ['linux-unpacked', 'hexiao-station'],
  win32: ['win-unpacked', 'Hexiao Station.exe']
}

/** The files electron-builder packs, as electron-vite must have produced them. */
export function missingBuildOutputs(projectDir) {
  const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'))
  const needed = [
    ...new Set(['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', pkg.main])
  ]
  const missing = needed.filter((f) => typeof f !== 'string' || !existsSync(join(projectDir, f)))
  if (typeof pkg.main !== 'string' || !pkg.main.startsWith('out/')) {
    missing.push(`package.json "main" (${pkg.main}) is outside out/, which is all that gets packed`)
  }
  return missing
}

function electronCacheDirs(env, platform) {
  const dirs = []
  if (env['electron_config_cache']) dirs.push(env['electron_config_cache'])
  if (platform === 'win32' && env['LOCALAPPDATA']) dirs.push(join(env['LOCALAPPDATA'], 'electron', 'Cache'))
  if (platform === 'darwin') dirs.push(join(homedir(), 'Library', 'Caches', 'electron'))
  if (platform === 'linux') dirs.push(join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'electron'))
  return dirs
}

/** @electron/get keeps downloads as <cache>/<hash>/<file>; a flat <cache>/<file> is accepted too. */
function findInCache(dirs, fileName) {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue
    if (existsSync(join(dir, fileName))) return join(dir, fileName)
    for (const sub of readdirSync(dir, { withFileTypes: true })) {
      if (sub.isDirectory() && existsSync(join(dir, sub.name, fileName))) return join(dir, sub.name, fileName)
    }
  }
  return null
}

async function probe(url, timeoutMs) {
  try {
    const res = await fetch(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs)
    })
    return res.ok ? null : `HTTP ${res.status}`
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : null
    return cause ?? (err instanceof Error ? err.message : String(err))
  }
}

/**
 * Can electron-builder get the Electron binary for this machine, and how?
 * @param {{ projectDir: string, platform: string, arch: string, env: NodeJS.ProcessEnv,
 *           probeUrl?: (url: string) => Promise<string | null> }} options
 * @returns {Promise<{ available: boolean, electronDist?: string, how: string, reasons: string[] }>}
 */
export async function electronAvailability({ projectDir, platform, arch, env, probeUrl }) {
  const electronDir = join(projectDir, 'node_modules', 'electron')
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
  const reasons = []

  const pathTxt = join(electronDir, 'path.txt')
  if (existsSync(pathTxt) && existsSync(join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim()))) {
    return {
      available: true,
      electronDist: join(electronDir, 'dist'),
      how: 'installed in node_modules/electron/dist',
      reasons
    }
  }
  reasons.push(
    `Electron ${version} is not installed in node_modules/electron/dist (it is downloaded on first run)`
  )

  const zip = `electron-v${version}-${platform}-${arch}.zip`
  const cacheDirs = electronCacheDirs(env, platform)
  const cached = findInCache(cacheDirs, zip)
  if (cached) return { available: true, electronDist: cached, how: `cached at ${cached}`, reasons }
  reasons.push(`${zip} is not in the download cache (${cacheDirs.join(', ') || 'none for this OS'})`)

  const mirror = env['ELECTRON_MIRROR'] || 'https://github.com/electron/electron/releases/download/'
  const customDir = (env['ELECTRON_CUSTOM_DIR'] || 'v{{ version }}').replace('{{ version }}', version)
  const url = `${mirror.endsWith('/') ? mirror : mirror + '/'}${customDir}/${zip}`
  const failure = await (probeUrl ?? ((u) => probe(u, 8000)))(url)
  if (failure === null) return { available: true, how: `downloadable from ${url}`, reasons }
  reasons.push(`it cannot be downloaded: ${url} → ${failure}`)
  return { available: false, how: 'unavailable', reasons }
}

function run(label, command, args, options = {}) {
  console.log(`[pack:check] ${label}: ${[command, ...args].join(' ')}`)
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options
  })
  if (r.status !== 0) {
    console.error(`[pack:check] ${label} failed (exit ${r.status ?? r.signal}).`)
    process.exit(1)
  }
}

async function main() {
  run('build', 'npm', ['run', 'build'])
  const missing = missingBuildOutputs(root)
  if (missing.length > 0) {
    console.error(`[pack:check] the build is incomplete: ${missing.join(', ')}`)
    process.exit(1)
  }
  console.log('[pack:check] bundles ready: out/main, out/preload, out/renderer')

  const platform = process.platform
  if (!(platform in DIST_FLAG)) {
    console.log(
      `[pack:check] packaging is set up for Windows and Linux only, not ${platform}: stopping here.`
    )
    return
  }
  const electron = await electronAvailability({
    projectDir: root,
    platform,
    arch: process.arch,
    env: process.env
  })
  if (!electron.available) {
    console.log(
      [
        '[pack:check] PACKAGING CANNOT RUN ON THIS MACHINE — stopping after the build, exit 0.',
        ...electron.reasons.map((r) => `  - ${r}`),
        '  Packaging also needs Electron headers or a prebuilt better-sqlite3 (github.com / electronjs.org) and',
        "  electron-builder's own tools (NSIS, AppImage, fpm). Build the installers on a machine with internet:",
        '  npm run dist:win (on Windows) / npm run dist:linux (on Linux) — see docs/packaging.md.'
      ].join('\n')
    )
    return
  }
  console.log(`[pack:check] Electron binary: ${electron.how}`)

  run('rebuild better-sqlite3 for Electron', process.execPath, ['scripts/packaging/rebuild-native.mjs'])
  const builderArgs = [
    'node_modules/electron-builder/cli.js',
    DIST_FLAG[platform],
    '--dir',
    `--${process.arch}`
  ]
  if (electron.electronDist) builderArgs.push(`-c.electronDist=${electron.electronDist}`)
  run('package (unpacked)', process.execPath, builderArgs, { shell: false })

  const [dir, exe] = UNPACKED[platform]
  const app = join(root, 'dist', dir, exe)
  const fuses = readFuseWire(readFileSync(app))
  console.log(`[pack:check] fuses of ${app}: ${JSON.stringify(fuses)}`)
  const problems = fuseMismatches(HARDENED_FUSES, fuses)
  if (problems.length > 0) {
    console.error(`[pack:check] fuses of ${app} are not the hardened ones:\n  - ${problems.join('\n  - ')}`)
    process.exit(1)
  }
  console.log(`[pack:check] OK: ${app} packaged, native modules fit, fuses hardened.`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`[pack:check] ${err instanceof Error ? err.stack : String(err)}`)
    process.exit(1)
  })
}
