/**
 * `npm start` rebuilds only what needs Electron's ABI (better-sqlite3), and says plainly what to do when Electron's
 * own binary cannot be downloaded. The rebuild command is pinned here so nobody widens it to every native module
 * (node-hid and serialport are N-API prebuilds: rebuilding them needs libusb headers or MSVC for nothing).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronRebuildCommand } from '../../scripts/packaging/rebuild-native.mjs'
import { electronBinary, electronUnavailableMessage } from '../../scripts/start-electron.mjs'

const root = join(import.meta.dirname, '../..')
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version

describe('npm start', () => {
  it('rebuilds better-sqlite3 alone, for the installed Electron version and arch', () => {
    const { command, args, env } = electronRebuildCommand(
      { PATH: '/usr/bin' },
      { version: '45.4.1', arch: 'x64' }
    )
    expect(command).toBe('npm')
    expect(args).toEqual(['rebuild', 'better-sqlite3', '--foreground-scripts'])
    expect(env).toMatchObject({
      npm_config_runtime: 'electron',
      npm_config_target: '45.4.1',
      npm_config_arch: 'x64',
      npm_package_config_node_gyp_runtime: 'electron',
      npm_package_config_node_gyp_target: '45.4.1'
    })
    expect(env['npm_config_build_from_source']).toBeUndefined()
  })

  it('never runs electron-builder install-app-deps (it would compile node-hid and serialport)', () => {
    const script = readFileSync(join(root, 'scripts/start-electron.mjs'), 'utf8')
    expect(script).not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild/)
    expect(script).toMatch(/rebuildBetterSqliteForElectron/)
  })

  it('names the browser alternative and the online fix when Electron cannot be had', () => {
    const message = electronUnavailableMessage('45.4.1')
    expect(message).toMatch(/Electron 45\.4\.1 could not be downloaded/)
    expect(message).toMatch(/npm run host -- --data-dir/)
    expect(message).toMatch(/npx --no install-electron/)
  })

  // Forced offline (a mirror nobody listens on, an empty cache), so the path is the same on any machine.
  it.runIf(electronBinary(root) === null)(
    'stops at the Electron download with that message, before any native rebuild',
    () => {
      const started = Date.now()
      const run = spawnSync(process.execPath, [join(root, 'scripts/start-electron.mjs')], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: mkdtempSync(join(tmpdir(), 'electron-cache-'))
        }
      })
      expect(run.status).toBe(1)
      expect(Date.now() - started).toBeLessThan(30_000)
      expect(run.stderr).toContain(`Electron ${electronVersion} could not be downloaded`)
      expect(run.stderr).toContain('npm run host')
      expect(run.stdout + run.stderr).not.toMatch(/rebuild-native|node-gyp|gyp info/)
    }
  )
})
