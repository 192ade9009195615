export declare const BINARY: string

export declare function electronBuildEnv(
  base: NodeJS.ProcessEnv,
  electron: { version: string; arch: string }
): NodeJS.ProcessEnv

export declare function inspectBetterSqlite(
  projectDir: string,
  target: { platform: string; arch: string; abi: number; version: string }
): { ok: boolean; detail: string }
