export interface AfterPackContextLike {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { projectDir: string; appInfo: { productFilename: string } }
}

export declare function afterPack(context: AfterPackContextLike): Promise<void>
export default afterPack
