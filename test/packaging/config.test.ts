/**
 * The electron-builder configuration, checked offline: electron-builder itself loads and validates it
 * against its JSON schema (app-builder-lib/scheme.json) and stops where it would need the Electron
 * binary; then the decisions that matter for a till are asserted one by one.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, matchesGlob, relative } from 'node:path'
import type { Configuration, TargetConfiguration } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import config, { debDepends, nativeModules } from '../../electron-builder.config'

const root = join(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  productName: string
  main: string
  dependencies: Record<string, string>
  scripts: Record<string, string>
}

/**
 * Runs the real electron-builder CLI far enough to load + validate the configuration, and no further:
 * electronDist points nowhere, so it stops before unpacking Electron. npmRebuild=false on the command
 * line guarantees node_modules is never touched, even if the configuration were not found.
 */
function electronBuilder(...extra: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'hexiao-eb-'))
  // electron-builder silences its info log when it sees VITEST, and the log is what we read
  const { VITEST: _vitest, ...env } = process.env
  try {
    const result = spawnSync(
      process.execPath,
      [
        'node_modules/electron-builder/cli.js',
        '--linux',
        '--dir',
        '--x64',
        '-c.npmRebuild=false',
        '-c.electronDist=/nonexistent/hexiao-electron-dist',
        `-c.directories.output=${out}`,
        ...extra
      ],
      { cwd: root, encoding: 'utf8', env: { ...env, FORCE_COLOR: '0' }, timeout: 60_000 }
    )
    return `${result.stdout}\n${result.stderr}`
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

function targetsOf(platform: Configuration['win'] | Configuration['linux']): string[] {
  const target = platform?.target
  const list = Array.isArray(target) ? target : target ? [target] : []
  return list.map((t: string | TargetConfiguration) => (typeof t === 'string' ? t : t.target))
}

describe('electron-builder accepts the configuration', () => {
  it('finds it without flags, validates it against its schema and gets as far as packaging', () => {
    const log = electronBuilder()
    expect(log).toMatch(/loaded configuration\s+file=.*electron-builder\.yml/)
    expect(log).toMatch(/loaded parent configuration\s+file=.*electron-builder\.config\.ts/)
    expect(log).not.toMatch(/Invalid configuration object/)
    expect(log).toMatch(/packaging\s+platform=linux arch=x64 electron=45\.4\.1/)
    expect(log).toMatch(/The specified electronDist does not exist: \/nonexistent\/hexiao-electron-dist/)
  })

  it('rejects a misspelt option (the schema check is real)', () => {
    const log = electronBuilder('-c.electronFuses.runAsNod=false')
    expect(log).toMatch(/Invalid configuration object/)
    expect(log).toMatch(/configuration\.electronFuses/)
  })
})

describe('the configuration', () => {
  it('names the app for people and the files for machines', () => {
    expect(config.appId).toBe('cn.hexiao.station')
    expect(config.productName).toBe('核销台')
    expect(config.artifactName).toBe('Hexiao-Station-${version}-${arch}.${ext}')
    for (const name of [config.artifactName, config.nsis?.artifactName, config.win?.executableName]) {
      expect(name).toMatch(/^[\x20-\x7e]+$/)
    }
    expect(config.linux?.executableName).toBe(pkg.name)
  })

  it('never renames the user-data folder (the ledger lives there)', () => {
    // Electron names userData after the packaged package.json's productName/name
    expect(pkg.productName).toBe('Hexiao Station')
    expect(config.extraMetadata ?? {}).not.toHaveProperty('productName')
    expect(config.extraMetadata ?? {}).not.toHaveProperty('name')
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false)
  })

  it('packs only the built bundles and package.json', () => {
    const files = (config.files as string[]).filter((f) => !f.startsWith('!'))
    expect(files).toEqual(['out/**', 'package.json'])
    expect(pkg.main.startsWith('out/')).toBe(true)
    for (const source of [
      'src/main/index.ts',
      'test/packaging/config.test.ts',
      'docs/architecture.md',
      'README.md'
    ]) {
      expect(files.some((pattern) => matchesGlob(source, pattern))).toBe(false)
    }
    // exclusions only ever remove build leftovers of the native modules, never their JS or binaries
    for (const exclusion of (config.files as string[]).filter((f) => f.startsWith('!'))) {
      expect(exclusion).toMatch(/^!\*\*\/node_modules\/(better-sqlite3|node-hid)\//)
      expect(
        matchesGlob('node_modules/better-sqlite3/build/Release/better_sqlite3.node', exclusion.slice(1))
      ).toBe(false)
      expect(matchesGlob('node_modules/better-sqlite3/lib/database.js', exclusion.slice(1))).toBe(false)
    }
  })

  it('flips exactly the hardened fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('builds an NSIS installer for Windows and AppImage + deb for Linux, x64', () => {
    expect(targetsOf(config.win)).toEqual(['nsis'])
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb'])
    const arches = [config.win?.target, config.linux?.target].flatMap((t) =>
      (t as TargetConfiguration[]).flatMap((x) => x.arch)
    )
    expect(new Set(arches)).toEqual(new Set(['x64']))
  })

  it('installs per machine with a choice of folder, shortcuts named 核销台', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
      shortcutName: '核销台',
      include: 'build/installer.nsh'
    })
  })

  it('describes the deb for dpkg, with what node-hid links', () => {
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/)
    expect(config.linux?.category).toMatch(/^Office;/)
    expect(config.deb?.depends).toEqual(debDepends)
    expect(debDepends).toEqual(expect.arrayContaining(['libusb-1.0-0', 'libudev1', 'libnss3', 'libgtk-3-0']))
    expect(config.linux?.desktop?.entry).toMatchObject({ 'Name[zh_CN]': '核销台' })
  })

  it('keeps the app in an asar and unpacks only the .node binaries', () => {
    expect(config.asar).toEqual({ smartUnpack: false })
    expect(config.asarUnpack).toEqual(nativeModules.map((m) => `**/node_modules/${m}/**/*.node`))
  })

  it('leaves the native rebuild to rebuild-native.mjs and checks the result after packing', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.buildDependenciesFromSource).toBe(false)
    expect(config.afterPack).toBe('./scripts/packaging/afterPack.mjs')
    expect(existsSync(join(root, 'scripts/packaging/afterPack.mjs'))).toBe(true)
    for (const script of [pkg.scripts['dist:win'], pkg.scripts['dist:linux']]) {
      expect(script).toMatch(
        /^npm run build && node scripts\/packaging\/rebuild-native\.mjs .*&& electron-builder /
      )
    }
    expect(pkg.scripts['pack:check']).toBe('node scripts/packaging/check.mjs')
  })
})

/** Production dependencies (transitively) that carry a .node binary or a binding.gyp. */
function nativePackagesInProduction(): Map<string, string> {
  const found = new Map<string, string>()
  const seen = new Set<string>()
  const visit = (name: string, fromDir: string) => {
    let dir = fromDir
    let pkgDir: string | null = null
    for (;;) {
      const candidate = join(dir, 'node_modules', name)
      if (existsSync(join(candidate, 'package.json'))) {
        pkgDir = candidate
        break
      }
      if (dir === root) break
      dir = join(dir, '..')
    }
    if (pkgDir === null || seen.has(pkgDir)) return
    seen.add(pkgDir)
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
      optionalDependencies?: Record<string, string>
    }
    if (existsSync(join(pkgDir, 'binding.gyp')) || containsNodeBinary(pkgDir)) found.set(name, pkgDir)
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }))
      visit(dep, pkgDir)
  }
  for (const dep of Object.keys(pkg.dependencies)) visit(dep, root)
  return found
}

function containsNodeBinary(dir: string): boolean {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some(
    (f) => f.endsWith('.node') && !f.split(/[\\/]/).includes('node_modules')
  )
}

describe('native modules', () => {
  it('lists every native production dependency, and asarUnpack covers each of their .node files', () => {
    const natives = nativePackagesInProduction()
    expect([...natives.keys()].sort()).toEqual([...nativeModules].sort())
    for (const dir of natives.values()) {
      const binaries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('.node')
      )
      expect(binaries.length).toBeGreaterThan(0)
      for (const file of binaries) {
        const inApp = relative(root, join(dir, file)).split('\\').join('/')
        expect(
          (config.asarUnpack as string[]).some((p) => matchesGlob(inApp, p)),
          inApp
        ).toBe(true)
      }
    }
  })
})
