/**
 * Tiny stand-ins for native binaries: just the header bytes the packaging checks read (ELF e_machine,
 * PE machine) plus the exported registration symbol as it appears in a real export table.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const ELF_MACHINE: Record<string, number> = { x64: 0x3e, arm64: 0xb7, ia32: 0x03 }
const PE_MACHINE: Record<string, number> = { x64: 0x8664, arm64: 0xaa64, ia32: 0x014c }

export function fakeElf(arch: string, symbol: string): Buffer {
  const header = Buffer.alloc(64)
  header.writeUInt32BE(0x7f454c46, 0)
  header[4] = 2 // 64-bit
  header[5] = 1 // little-endian
  header.writeUInt16LE(ELF_MACHINE[arch] ?? 0, 18)
  return Buffer.concat([header, Buffer.from(`\0${symbol}\0`, 'latin1')])
}

export function fakePe(arch: string, symbol: string): Buffer {
  const header = Buffer.alloc(0x80)
  header.write('MZ', 0, 'latin1')
  header.writeUInt32LE(0x40, 0x3c)
  header.write('PE\0\0', 0x40, 'latin1')
  header.writeUInt16LE(PE_MACHINE[arch] ?? 0, 0x44)
  return Buffer.concat([header, Buffer.from(`\0${symbol}\0`, 'latin1')])
}

export function put(root: string, rel: string, data: Buffer): void {
  const file = join(root, rel)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, data)
}

/** An app.asar.unpacked tree as electron-builder lays it out, for Linux or Windows x64. */
export function fakeUnpacked(
  root: string,
  platform: 'linux' | 'win32',
  { sqliteAbi = 150, omit = [] as string[] } = {}
): string {
  const bin = platform === 'linux' ? fakeElf : fakePe
  const napi = bin('x64', 'napi_register_module_v1')
  const files: Record<string, Buffer> = {
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node': bin(
      'x64',
      `node_register_module_v${sqliteAbi}`
    )
  }
  if (platform === 'linux') {
    files['node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node'] = napi
    files['node_modules/node-hid/prebuilds/HID-linux-x64/node-napi-v4.node'] = napi
    files['node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node'] =
      napi
    files['node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.musl.node'] =
      napi
  } else {
    files['node_modules/node-hid/prebuilds/HID-win32-x64/node-napi-v4.node'] = napi
    files['node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node'] = napi
  }
  for (const [rel, data] of Object.entries(files)) if (!omit.includes(rel)) put(root, rel, data)
  return root
}
