export declare const HARDENED_FUSES: Readonly<{
  runAsNode: boolean
  enableCookieEncryption: boolean
  enableNodeOptionsEnvironmentVariable: boolean
  enableNodeCliInspectArguments: boolean
  enableEmbeddedAsarIntegrityValidation: boolean
  onlyLoadAppFromAsar: boolean
  grantFileProtocolExtraPrivileges: boolean
}>

export declare function fuseDisplayName(option: string): string
export declare const FUSE_SENTINEL: string
export declare const FUSE_V1_NAMES: string[]
export declare function readFuseWire(exe: Buffer): Record<string, string>
export declare function fuseMismatches(
  expected: Record<string, boolean>,
  read: Record<string, string>
): string[]
