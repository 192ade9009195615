// What the packaged app's native binaries must be, checked by reading them (nothing is loaded):
// the file format and CPU of each .node, and which ABI it registers for.
//
// better-sqlite3 uses V8's API, not N-API: its binary exports node_register_module_v<ABI> and loads
// only in a runtime with exactly that ABI (Node 20 is 115, Electron 45 is 150). A rebuild can
// "succeed" against the wrong headers (see docs/toolchain-facts.md §2: nodedir=/usr), so the only
// proof is the symbol in the file. node-hid and @serialport/bindings-cpp are N-API
// (napi_register_module_v1) and load in any runtime; they must only fit the OS and CPU.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const FORMAT_FOR_PLATFORM = { win32: 'pe', linux: 'elf', darwin: 'macho' }
const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'armv7l', 0x3e: 'x64', 0xb7: 'arm64' }
const PE_MACHINES = { 0x014c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64', 0x01c4: 'armv7l' }
const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x7: 'ia32' }

/**
 * @param {Buffer} buf
 * @returns {{ format: 'elf' | 'pe' | 'macho' | 'unknown', arch: string }}
 */
export function binaryInfo(buf) {
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const littleEndian = buf[5] === 1
    const machine = littleEndian ? buf.readUInt16LE(18) : buf.readUInt16BE(18)
    return { format: 'elf', arch: ELF_MACHINES[machine] ?? `elf-machine-${machine}` }
  }
  if (buf.length >= 0x40 && buf.toString('latin1', 0, 2) === 'MZ') {
    const peOffset = buf.readUInt32LE(0x3c)
    if (peOffset + 6 <= buf.length && buf.toString('latin1', peOffset, peOffset + 4) === 'PE\0\0') {
      const machine = buf.readUInt16LE(peOffset + 4)
      return { format: 'pe', arch: PE_MACHINES[machine] ?? `pe-machine-${machine.toString(16)}` }
    }
  }
  if (buf.length >= 8 && (buf.readUInt32LE(0) === 0xfeedfacf || buf.readUInt32LE(0) === 0xfeedface)) {
    const cpu = buf.readUInt32LE(4)
    return { format: 'macho', arch: MACHO_CPUS[cpu] ?? `macho-cpu-${cpu.toString(16)}` }
  }
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xcafebabe) return { format: 'macho', arch: 'universal' }
  return { format: 'unknown', arch: 'unknown' }
}

/** Every ABI a V8-API addon registers for (normally exactly one). */
export function nodeModuleAbis(buf) {
  const abis = new Set()
  for (const match of buf.toString('latin1').matchAll(/node_register_module_v(\d+)/g))
    abis.add(Number(match[1]))
  return [...abis].sort((a, b) => a - b)
}

/**
 * N-API addons register through napi_register_module_v1 (exported; NAPI_MODULE_INIT, Windows builds)
 * or napi_module_register (imported, called from a static constructor: node-hid's Linux/macOS builds),
 * and never export a V8-API node_register_module_v<ABI>.
 */
export function isNodeApi(buf) {
  const text = buf.toString('latin1')
  return /napi_register_module_v1|napi_module_register/.test(text) && !/node_register_module_v\d/.test(text)
}

/** Electron's version and module ABI, as the installed electron package states them. */
export function electronTarget(projectDir) {
  const dir = join(projectDir, 'node_modules', 'electron')
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
  const abiFile = join(dir, 'abi_version')
  if (!existsSync(abiFile))
    throw new Error(`${abiFile} is missing: cannot tell which ABI Electron ${version} needs`)
  return { version, abi: Number(readFileSync(abiFile, 'utf8').trim()) }
}

function fits(file, buf, platform, arch) {
  const info = binaryInfo(buf)
  const wanted = FORMAT_FOR_PLATFORM[platform]
  if (info.format !== wanted) return `${file} is a ${info.format} binary, ${platform} needs ${wanted}`
  if (info.arch !== arch) return `${file} is built for ${info.arch}, the package is ${arch}`
  return null
}

/** better-sqlite3 through `bindings`: build/Release/better_sqlite3.node, built for Electron's ABI. */
function checkBetterSqlite(dir, { platform, arch, electronAbi, electronVersion }) {
  const rel = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
  const file = join(dir, rel)
  if (!existsSync(file)) return [`${rel} is not in app.asar.unpacked (missing, or left inside the asar)`]
  const buf = readFileSync(file)
  const misfit = fits(rel, buf, platform, arch)
  if (misfit) return [misfit]
  const abis = nodeModuleAbis(buf)
  if (!abis.includes(electronAbi)) {
    return [
      `${rel} is built for ABI ${abis.join(', ') || 'none (N-API?)'}, Electron ${electronVersion} needs ${electronAbi}: ` +
        'run `node scripts/packaging/rebuild-native.mjs` (npm run dist:* does) on the target OS'
    ]
  }
  return []
}

/** node-hid through pkg-prebuilds: a local build first, then prebuilds/<name>-<platform>-<arch>/. */
function checkNodeHid(dir, { platform, arch }) {
  const base = join(dir, 'node_modules/node-hid')
  // Linux loads the hidraw flavour by default, and the libusb one when asked to.
  const names = platform === 'linux' ? ['HID_hidraw', 'HID'] : ['HID']
  const problems = []
  for (const name of names) {
    const candidates = [join('build', 'Debug', `${name}.node`), join('build', 'Release', `${name}.node`)]
    const prebuildDir = join('prebuilds', `${name}-${platform}-${arch}`)
    if (existsSync(join(base, prebuildDir))) {
      for (const f of readdirSync(join(base, prebuildDir)).sort().reverse()) {
        if (/^node-napi-v\d+\.node$/.test(f)) candidates.push(join(prebuildDir, f))
      }
    }
    const chosen = candidates.find((c) => existsSync(join(base, c)))
    if (!chosen) {
      problems.push(`node-hid: no ${name} binary for ${platform}-${arch} in app.asar.unpacked`)
      continue
    }
    problems.push(...checkNodeApi(`node_modules/node-hid/${chosen}`, join(base, chosen), platform, arch))
  }
  return problems
}

/** @serialport/bindings-cpp through node-gyp-build: build/Release/*.node first, then prebuilds/<platform>-<arch>/. */
function checkSerialport(dir, { platform, arch }) {
  const base = join(dir, 'node_modules/@serialport/bindings-cpp')
  const local = join('build', 'Release')
  let chosen = null
  if (existsSync(join(base, local))) {
    const f = readdirSync(join(base, local)).find((n) => n.endsWith('.node'))
    if (f) chosen = join(local, f)
  }
  if (!chosen) {
    const prebuildDir = join('prebuilds', `${platform}-${arch}`)
    if (existsSync(join(base, prebuildDir))) {
      // node-gyp-build prefers the glibc build on glibc Linux; other platforms have one file.
      const files = readdirSync(join(base, prebuildDir)).filter(
        (n) => n.endsWith('.node') && !n.includes('musl')
      )
      const f = files.find((n) => n.includes('glibc')) ?? files[0]
      if (f) chosen = join(prebuildDir, f)
    }
  }
  if (!chosen) return [`@serialport/bindings-cpp: no binary for ${platform}-${arch} in app.asar.unpacked`]
  return checkNodeApi(`node_modules/@serialport/bindings-cpp/${chosen}`, join(base, chosen), platform, arch)
}

function checkNodeApi(rel, file, platform, arch) {
  const buf = readFileSync(file)
  const misfit = fits(rel, buf, platform, arch)
  if (misfit) return [misfit]
  return isNodeApi(buf)
    ? []
    : [`${rel} is not an N-API module (no napi_register_module_v1 / napi_module_register)`]
}

/**
 * Checks the native binaries the packaged app will load, in <resources>/app.asar.unpacked.
 * @param {{ unpackedDir: string, platform: string, arch: string, electronAbi: number, electronVersion: string }} target
 * @returns {string[]} problems; empty when the package is fit to ship
 */
export function checkNativeBinaries({ unpackedDir, platform, arch, electronAbi, electronVersion }) {
  if (!(platform in FORMAT_FOR_PLATFORM)) return [`unknown platform ${platform}`]
  if (!existsSync(unpackedDir)) return [`${unpackedDir} does not exist: the native modules were not unpacked`]
  const target = { platform, arch, electronAbi, electronVersion }
  return [
    ...checkBetterSqlite(unpackedDir, target),
    ...checkNodeHid(unpackedDir, target),
    ...checkSerialport(unpackedDir, target)
  ]
}
