import pkg from '../../../package.json'

/** The app's version, the same in Electron and in the Node host (bundled at build time). */
export const APP_VERSION: string = pkg.version
