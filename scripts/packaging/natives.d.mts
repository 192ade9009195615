export interface BinaryInfo {
  format: 'elf' | 'pe' | 'macho' | 'unknown'
  arch: string
}

export interface NativeTarget {
  unpackedDir: string
  platform: string
  arch: string
  electronAbi: number
  electronVersion: string
}

export declare function binaryInfo(buf: Buffer): BinaryInfo
export declare function nodeModuleAbis(buf: Buffer): number[]
export declare function isNodeApi(buf: Buffer): boolean
export declare function electronTarget(projectDir: string): { version: string; abi: number }
export declare function checkNativeBinaries(target: NativeTarget): string[]
