/**
 * The packaging helpers that can be exercised without Electron: the fuse read-back, the environment that
 * points better-sqlite3's build at Electron, pack:check's "can we get Electron here?" decision, and the
 * NSIS hooks' names.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { electronAvailability, missingBuildOutputs } from '../../scripts/packaging/check.mjs'
import {
  FUSE_SENTINEL,
  FUSE_V1_NAMES,
  HARDENED_FUSES,
  fuseDisplayName,
  fuseMismatches,
  readFuseWire
} from '../../scripts/packaging/fuses.mjs'
import { BINARY, electronBuildEnv, inspectBetterSqlite } from '../../scripts/packaging/rebuild-native.mjs'
import { fakeElf, fakePe, put } from './support/binaries'

const root = join(import.meta.dirname, '../..')
const dirs: string[] = []
function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hexiao-pack-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('fuse read-back', () => {
  /** An "executable" with Electron's fuse wire in the middle: sentinel, version 1, length, states. */
  function exeWithWire(states: string): Buffer {
    return Buffer.concat([
      Buffer.alloc(4096, 0xcc),
      Buffer.from(FUSE_SENTINEL, 'latin1'),
      Buffer.from([1, states.length]),
      Buffer.from(states, 'latin1'),
      Buffer.alloc(4096, 0xcc)
    ])
  }

  it('accepts a binary with the hardened fuses (wire order: RunAsNode first)', () => {
    const read = readFuseWire(exeWithWire('01001100'))
    expect(read).toEqual({
      RunAsNode: 'Disabled',
      EnableCookieEncryption: 'Enabled',
      EnableNodeOptionsEnvironmentVariable: 'Disabled',
      EnableNodeCliInspectArguments: 'Disabled',
      EnableEmbeddedAsarIntegrityValidation: 'Enabled',
      OnlyLoadAppFromAsar: 'Enabled',
      LoadBrowserProcessSpecificV8Snapshot: 'Disabled',
      GrantFileProtocolExtraPrivileges: 'Disabled'
    })
    expect(fuseMismatches(HARDENED_FUSES, read)).toEqual([])
  })

  it('names every fuse that is in its default state, removed or missing', () => {
    // an unflipped Electron: RunAsNode on, cookie encryption off, …, file:// privileges on
    expect(fuseMismatches(HARDENED_FUSES, readFuseWire(exeWithWire('1011r0')))).toEqual([
      'RunAsNode is Enabled, expected Disabled',
      'EnableCookieEncryption is Disabled, expected Enabled',
      'EnableNodeOptionsEnvironmentVariable is Enabled, expected Disabled',
      'EnableNodeCliInspectArguments is Enabled, expected Disabled',
      'EnableEmbeddedAsarIntegrityValidation is Removed, expected Enabled',
      'OnlyLoadAppFromAsar is Disabled, expected Enabled',
      'GrantFileProtocolExtraPrivileges is not reported, expected Disabled'
    ])
    expect(() => readFuseWire(Buffer.from('MZ not electron'))).toThrow(/no fuse wire/)
  })

  it('only configures fuses that exist in the V1 wire', () => {
    for (const option of Object.keys(HARDENED_FUSES)) expect(FUSE_V1_NAMES).toContain(fuseDisplayName(option))
  })
})

describe('rebuilding better-sqlite3 for Electron', () => {
  it('targets Electron for prebuild-install and node-gyp, and overrides a nodedir from ~/.npmrc', () => {
    const env = electronBuildEnv(
      {
        PATH: '/bin',
        npm_config_nodedir: '/usr',
        npm_config_build_from_source: 'true',
        npm_config_platform: 'darwin'
      },
      { version: '45.4.1', arch: 'x64' }
    )
    expect(env).toMatchObject({
      PATH: '/bin',
      npm_config_runtime: 'electron',
      npm_config_target: '45.4.1',
      npm_config_arch: 'x64',
      npm_config_disturl: 'https://electronjs.org/headers',
      npm_package_config_node_gyp_runtime: 'electron',
      npm_package_config_node_gyp_target: '45.4.1',
      npm_package_config_node_gyp_dist_url: 'https://electronjs.org/headers',
      npm_package_config_node_gyp_nodedir: ''
    })
    expect(env).not.toHaveProperty('npm_config_build_from_source')
    expect(env).not.toHaveProperty('npm_config_platform')
    expect(
      electronBuildEnv(
        { ELECTRON_HEADERS_URL: 'https://mirror.example/h' },
        { version: '45.4.1', arch: 'x64' }
      )
    ).toMatchObject({
      npm_config_disturl: 'https://mirror.example/h',
      npm_package_config_node_gyp_dist_url: 'https://mirror.example/h'
    })
  })

  it('accepts only a binary for this OS, CPU and Electron ABI', () => {
    const target = { platform: 'linux', arch: 'x64', abi: 150, version: '45.4.1' }
    const project = tmp()
    expect(inspectBetterSqlite(project, target)).toEqual({ ok: false, detail: `${BINARY} does not exist` })
    put(project, BINARY, fakeElf('x64', 'node_register_module_v115'))
    expect(inspectBetterSqlite(project, target)).toEqual({
      ok: false,
      detail: 'elf/x64, ABI 115 (Electron 45.4.1 needs 150)'
    })
    put(project, BINARY, fakePe('x64', 'node_register_module_v150'))
    expect(inspectBetterSqlite(project, target).ok).toBe(false)
    put(project, BINARY, fakeElf('x64', 'node_register_module_v150'))
    expect(inspectBetterSqlite(project, target)).toEqual({
      ok: true,
      detail: 'elf/x64, ABI 150 (Electron 45.4.1 needs 150)'
    })
  })
})

describe('pack:check: can this machine get Electron?', () => {
  function project(withBinary: boolean): string {
    const dir = tmp()
    mkdirSync(join(dir, 'node_modules/electron/dist'), { recursive: true })
    writeFileSync(join(dir, 'node_modules/electron/package.json'), JSON.stringify({ version: '45.4.1' }))
    if (withBinary) {
      writeFileSync(join(dir, 'node_modules/electron/path.txt'), 'electron')
      writeFileSync(join(dir, 'node_modules/electron/dist/electron'), '')
    }
    return dir
  }
  const offline = async () => 'getaddrinfo ENOTFOUND github.com'

  it('says no, with every reason, on a machine like this one', async () => {
    const result = await electronAvailability({
      projectDir: project(false),
      platform: 'linux',
      arch: 'x64',
      env: { XDG_CACHE_HOME: tmp() },
      probeUrl: offline
    })
    expect(result.available).toBe(false)
    expect(result.reasons).toEqual([
      expect.stringMatching(/not installed in node_modules\/electron\/dist/),
      expect.stringMatching(/electron-v45\.4\.1-linux-x64\.zip is not in the download cache/),
      'it cannot be downloaded: https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip → getaddrinfo ENOTFOUND github.com'
    ])
  })

  it('uses an installed binary, then a cached zip, then a download (mirror honoured)', async () => {
    const installed = project(true)
    expect(
      await electronAvailability({
        projectDir: installed,
        platform: 'linux',
        arch: 'x64',
        env: {},
        probeUrl: offline
      })
    ).toMatchObject({ available: true, electronDist: join(installed, 'node_modules/electron/dist') })

    const cache = tmp()
    put(cache, 'electron/4f3a9c/electron-v45.4.1-linux-x64.zip', Buffer.from('zip'))
    expect(
      await electronAvailability({
        projectDir: project(false),
        platform: 'linux',
        arch: 'x64',
        env: { XDG_CACHE_HOME: cache },
        probeUrl: offline
      })
    ).toMatchObject({
      available: true,
      electronDist: join(cache, 'electron/4f3a9c/electron-v45.4.1-linux-x64.zip')
    })

    const asked: string[] = []
    const result = await electronAvailability({
      projectDir: project(false),
      platform: 'win32',
      arch: 'x64',
      env: {
        ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/',
        ELECTRON_CUSTOM_DIR: '{{ version }}'
      },
      probeUrl: async (url) => {
        asked.push(url)
        return null
      }
    })
    expect(result).toMatchObject({ available: true })
    expect(result.electronDist).toBeUndefined()
    expect(asked).toEqual(['https://npmmirror.com/mirrors/electron/45.4.1/electron-v45.4.1-win32-x64.zip'])
  })

  it('knows which build outputs electron-builder packs', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ main: 'out/main/index.js' }))
    expect(missingBuildOutputs(dir)).toEqual([
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html'
    ])
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
      put(dir, f, Buffer.from(''))
    expect(missingBuildOutputs(dir)).toEqual([])
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ main: 'src/main/index.ts' }))
    expect(missingBuildOutputs(dir)).toEqual([
      'src/main/index.ts',
      'package.json "main" (src/main/index.ts) is outside out/, which is all that gets packed'
    ])
  })
})

describe('NSIS include script', () => {
  it('defines only hooks that electron-builder 26 templates actually call', () => {
    const nsh = readFileSync(join(root, 'build/installer.nsh'), 'utf8')
    const defined = [...nsh.matchAll(/^!macro\s+(\w+)/gm)].map((m) => m[1])
    expect(defined).toEqual(['customHeader', 'customInstall', 'customUnInstall'])
    const templates = join(root, 'node_modules/app-builder-lib/templates/nsis')
    const called = new Set(
      readdirSync(templates, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(nsh|nsi)$/.test(f))
        .flatMap((f) =>
          [...readFileSync(join(templates, f), 'utf8').matchAll(/!ifmacrodef\s+(\w+)/g)].map((m) => m[1])
        )
    )
    for (const macro of defined) expect(called.has(macro), macro).toBe(true)
  })
})
