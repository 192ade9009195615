/**
 * The afterPack check that a package's native binaries fit its target — on synthetic trees (every
 * failure mode) and on the real prebuilds in node_modules (the lookup mirrors their real layout).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Arch } from 'electron-builder'
import { afterEach, describe, expect, it } from 'vitest'
import { afterPack } from '../../scripts/packaging/afterPack.mjs'
import {
  binaryInfo,
  checkNativeBinaries,
  electronTarget,
  isNodeApi,
  nodeModuleAbis
} from '../../scripts/packaging/natives.mjs'
import { fakeElf, fakePe, fakeUnpacked, put } from './support/binaries'

const root = join(import.meta.dirname, '../..')
const nm = (rel: string) => join(root, 'node_modules', rel)
const electron = { electronAbi: 150, electronVersion: '45.4.1' }

const dirs: string[] = []
function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hexiao-natives-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('reading binaries', () => {
  it('tells the format and CPU of the real prebuilds in node_modules', () => {
    const read = (rel: string) => binaryInfo(readFileSync(nm(rel)))
    expect(read('node-hid/prebuilds/HID-linux-x64/node-napi-v4.node')).toEqual({ format: 'elf', arch: 'x64' })
    expect(read('node-hid/prebuilds/HID-linux-arm64/node-napi-v4.node')).toEqual({
      format: 'elf',
      arch: 'arm64'
    })
    expect(read('node-hid/prebuilds/HID-win32-x64/node-napi-v4.node')).toEqual({ format: 'pe', arch: 'x64' })
    expect(read('node-hid/prebuilds/HID-win32-ia32/node-napi-v4.node')).toEqual({
      format: 'pe',
      arch: 'ia32'
    })
    expect(read('node-hid/prebuilds/HID-darwin-arm64/node-napi-v4.node')).toEqual({
      format: 'macho',
      arch: 'arm64'
    })
    expect(binaryInfo(Buffer.from('#!/bin/sh\n'))).toEqual({ format: 'unknown', arch: 'unknown' })
  })

  it('finds the ABI better-sqlite3 registers for, and N-API in the others', () => {
    const sqlite = readFileSync(nm('better-sqlite3/build/Release/better_sqlite3.node'))
    const abis = nodeModuleAbis(sqlite)
    expect(abis).toHaveLength(1)
    expect(isNodeApi(sqlite)).toBe(false)
    expect(isNodeApi(readFileSync(nm('node-hid/prebuilds/HID-win32-x64/node-napi-v4.node')))).toBe(true)
    expect(isNodeApi(readFileSync(nm('node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node')))).toBe(
      true
    )
    expect(
      isNodeApi(
        readFileSync(nm('@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node'))
      )
    ).toBe(true)
    expect(nodeModuleAbis(fakePe('x64', 'node_register_module_v150'))).toEqual([150])
  })

  it("reads Electron's ABI from the installed electron package", () => {
    expect(electronTarget(root)).toEqual({ version: '45.4.1', abi: 150 })
  })
})

describe('checkNativeBinaries', () => {
  it('accepts a Linux and a Windows package built right', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const unpackedDir = fakeUnpacked(tmp(), platform)
      expect(checkNativeBinaries({ unpackedDir, platform, arch: 'x64', ...electron })).toEqual([])
    }
  })

  it('rejects better-sqlite3 built for Node instead of Electron, saying what to run', () => {
    const unpackedDir = fakeUnpacked(tmp(), 'linux', { sqliteAbi: 115 })
    const problems = checkNativeBinaries({ unpackedDir, platform: 'linux', arch: 'x64', ...electron })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/built for ABI 115, Electron 45\.4\.1 needs 150.*rebuild-native\.mjs/)
  })

  it('rejects Linux binaries in a Windows package (dist:win run on the wrong OS)', () => {
    const unpackedDir = fakeUnpacked(tmp(), 'linux')
    const problems = checkNativeBinaries({ unpackedDir, platform: 'win32', arch: 'x64', ...electron })
    expect(problems.join('\n')).toMatch(/better_sqlite3\.node is a elf binary, win32 needs pe/)
    expect(problems.join('\n')).toMatch(/node-hid: no HID binary for win32-x64/)
  })

  it('rejects a binary for the wrong CPU and a missing or non-N-API module', () => {
    const dir = fakeUnpacked(tmp(), 'linux', {
      omit: ['node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node']
    })
    put(
      dir,
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      fakeElf('arm64', 'node_register_module_v150')
    )
    // a local build wins over the prebuilds, as in node-gyp-build: here a V8-API one
    put(
      dir,
      'node_modules/@serialport/bindings-cpp/build/Release/bindings.node',
      fakeElf('x64', 'node_register_module_v115')
    )
    const problems = checkNativeBinaries({ unpackedDir: dir, platform: 'linux', arch: 'x64', ...electron })
    expect(problems).toEqual([
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node is built for arm64, the package is x64',
      'node-hid: no HID_hidraw binary for linux-x64 in app.asar.unpacked',
      'node_modules/@serialport/bindings-cpp/build/Release/bindings.node is not an N-API module (no napi_register_module_v1 / napi_module_register)'
    ])
  })

  it('rejects a package whose binaries stayed inside the asar', () => {
    expect(
      checkNativeBinaries({
        unpackedDir: join(tmp(), 'nothing'),
        platform: 'linux',
        arch: 'x64',
        ...electron
      })
    ).toEqual([expect.stringMatching(/does not exist: the native modules were not unpacked/)])
    const empty = tmp()
    expect(
      checkNativeBinaries({ unpackedDir: empty, platform: 'linux', arch: 'x64', ...electron })[0]
    ).toMatch(/better_sqlite3\.node is not in app\.asar\.unpacked/)
  })

  it('finds the real node-hid and serialport prebuilds where their loaders look for them', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const dir = tmp()
      cpSync(nm('node-hid/prebuilds'), join(dir, 'node_modules/node-hid/prebuilds'), { recursive: true })
      cpSync(
        nm('@serialport/bindings-cpp/prebuilds'),
        join(dir, 'node_modules/@serialport/bindings-cpp/prebuilds'),
        {
          recursive: true
        }
      )
      const bin = platform === 'linux' ? fakeElf : fakePe
      put(
        dir,
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        bin('x64', 'node_register_module_v150')
      )
      expect(checkNativeBinaries({ unpackedDir: dir, platform, arch: 'x64', ...electron })).toEqual([])
      expect(
        checkNativeBinaries({ unpackedDir: dir, platform, arch: 'arm64', ...electron }).join('\n')
      ).toMatch(/better_sqlite3\.node is built for x64, the package is arm64/)
    }
  })
})

describe('afterPack hook', () => {
  const context = (appOutDir: string, platform: string, arch: number) => ({
    appOutDir,
    electronPlatformName: platform,
    arch,
    packager: { projectDir: root, appInfo: { productFilename: 'Hexiao Station' } }
  })

  it("maps electron-builder's Arch numbers the way electron-builder defines them", async () => {
    const out = tmp()
    fakeUnpacked(join(out, 'resources', 'app.asar.unpacked'), 'win32')
    await expect(afterPack(context(out, 'win32', Arch.x64))).resolves.toBeUndefined()
    await expect(afterPack(context(out, 'win32', Arch.arm64))).rejects.toThrow(
      /win32-arm64 package would not run/
    )
  })

  it('fails the build with every problem listed', async () => {
    const out = tmp()
    fakeUnpacked(join(out, 'resources', 'app.asar.unpacked'), 'linux', { sqliteAbi: 115 })
    await expect(afterPack(context(out, 'linux', Arch.x64))).rejects.toThrow(
      /linux-x64 package would not run:\n {2}- .*ABI 115, Electron 45\.4\.1 needs 150/
    )
  })
})
