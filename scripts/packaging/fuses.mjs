// The Electron fuses every package ships with: one list, used by electron-builder.config.ts (which flips
// them at packaging time) and by check.mjs (which reads them back from the packaged binary).
// Option names are electron-builder 26's `electronFuses` (FuseOptionsV1 in app-builder-lib/scheme.json).

export const HARDENED_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter
  runAsNode: false,
  // cookies on disk encrypted with the OS key store, as Chrome does
  enableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would open a debugger on the main process (and its database)
  enableNodeCliInspectArguments: false,
  // Windows (and macOS): app.asar is checked against the hash embedded in the executable
  enableEmbeddedAsarIntegrityValidation: true,
  // no loose app/ folder next to app.asar is ever loaded instead of it
  onlyLoadAppFromAsar: true,
  // the renderer comes from app://station; file:// pages get no more than a browser would give them
  grantFileProtocolExtraPrivileges: false
})

/** electron-builder option name → its FuseV1Options name. */
export function fuseDisplayName(option) {
  return option.charAt(0).toUpperCase() + option.slice(1)
}

/** Marks the fuse wire in Electron's executable (@electron/fuses' SENTINEL). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** FuseV1Options, in wire order. */
export const FUSE_V1_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges'
]
const STATES = { 0x30: 'Disabled', 0x31: 'Enabled', 0x72: 'Removed' }

/**
 * Reads the fuse wire from an Electron executable, as `npx @electron/fuses read --app <exe>` does:
 * sentinel, version byte (1), length byte, then one byte per fuse ('0' off, '1' on, 'r' removed).
 * @param {Buffer} exe
 * @returns {Record<string, string>} fuse name → Enabled | Disabled | Removed
 */
export function readFuseWire(exe) {
  const at = exe.indexOf(FUSE_SENTINEL, 0, 'latin1')
  if (at === -1) throw new Error('no fuse wire in this file: is it an Electron executable?')
  const wire = at + FUSE_SENTINEL.length
  if (exe[wire] !== 1) throw new Error(`fuse wire version ${exe[wire]}, only version 1 is known`)
  const states = {}
  for (let i = 0; i < (exe[wire + 1] ?? 0); i++) {
    const byte = exe[wire + 2 + i] ?? -1
    states[FUSE_V1_NAMES[i] ?? `Fuse${i}`] = STATES[byte] ?? `unknown (0x${byte.toString(16)})`
  }
  return states
}

/**
 * @param {Record<string, boolean>} expected electronFuses options
 * @param {Record<string, string>} read from readFuseWire
 * @returns {string[]} one line per fuse that is not as configured
 */
export function fuseMismatches(expected, read) {
  const problems = []
  for (const [option, on] of Object.entries(expected)) {
    const name = fuseDisplayName(option)
    const want = on ? 'Enabled' : 'Disabled'
    if (read[name] !== want) problems.push(`${name} is ${read[name] ?? 'not reported'}, expected ${want}`)
  }
  return problems
}
