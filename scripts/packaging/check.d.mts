export declare function missingBuildOutputs(projectDir: string): string[]

export declare function electronAvailability(options: {
  projectDir: string
  platform: string
  arch: string
  env: NodeJS.ProcessEnv
  probeUrl?: (url: string) => Promise<string | null>
}): Promise<{ available: boolean; electronDist?: string; how: string; reasons: string[] }>
