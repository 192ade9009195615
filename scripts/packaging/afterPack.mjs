// electron-builder afterPack hook (electron-builder.config.ts): runs on the unpacked app, before the
// fuses are flipped, signing, and the installers are made. It fails the build when a native binary the
// app will load does not fit the target: wrong OS or CPU, left inside the asar, or better-sqlite3 built
// for Node's ABI instead of Electron's — the installer would open and die on the first database call.
import { join } from 'node:path'
import { checkNativeBinaries, electronTarget } from './natives.mjs'

/** electron-builder's Arch enum (builder-util): the context carries the number. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

/** @param {{ appOutDir: string, electronPlatformName: string, arch: number, packager: { projectDir: string, appInfo: { productFilename: string } } }} context */
export async function afterPack(context) {
  const platform = context.electronPlatformName
  const arch = ARCH_NAMES[context.arch] ?? `arch-${context.arch}`
  const resources =
    platform === 'darwin'
      ? join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : join(context.appOutDir, 'resources')
  const electron = electronTarget(context.packager.projectDir)
  const problems = checkNativeBinaries({
    unpackedDir: join(resources, 'app.asar.unpacked'),
    platform,
    arch,
    electronAbi: electron.abi,
    electronVersion: electron.version
  })
  if (problems.length > 0) {
    throw new Error(
      `[afterPack] the ${platform}-${arch} package would not run:\n  - ${problems.join('\n  - ')}\n` +
        'See docs/packaging.md, "Native modules".'
    )
  }
  console.log(
    `[afterPack] native modules fit ${platform}-${arch}: better-sqlite3 for Electron ${electron.version} ` +
      `(ABI ${electron.abi}), node-hid and serialport N-API`
  )
}

export default afterPack
