export declare const BINARY: string

export declare function electronBuildEnv(
  base: NodeJS.ProcessEnv,
  electron: { version: string; arch: string }
): NodeJS.ProcessEnv

export declare function inspectBetterSqlite(
  projectDir: string,
  target: { platform: string; arch: string; abi: number; version: string }
): { ok: boolean; detail: string }

export declare function electronRebuildCommand(
  base: NodeJS.ProcessEnv,
  electron: { version: string; arch: string }
): { command: string; args: string[]; env: NodeJS.ProcessEnv }

export declare function rebuildBetterSqliteForElectron(
  projectDir: string,
  options: { platform: string; arch: string; log?: (line: string) => void }
): { ok: boolean; rebuilt: boolean; detail: string; electron: { version: string; abi: number } }

export declare const REBUILD_NEEDS: string
