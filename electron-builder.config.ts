/**
 * electron-builder configuration for 核销台 Hexiao Station. Why each choice: docs/packaging.md.
 * Checked offline by test/packaging/config.test.ts (against app-builder-lib's own JSON schema).
 *
 * - Only the electron-vite output (out/**) and package.json are packed; production node_modules are
 *   added by electron-builder itself. src/, test/, docs/ never reach an installer.
 * - Native modules are NOT rebuilt by electron-builder (npmRebuild: false): `npm run dist:*` runs
 *   scripts/packaging/rebuild-native.mjs first, which rebuilds better-sqlite3 (not N-API) for Electron's
 *   ABI and nothing else. node-hid and @serialport/bindings-cpp keep their N-API prebuilds.
 *   The afterPack hook refuses to finish a package whose native binaries don't fit the target.
 * - Only the .node binaries are unpacked from the asar (smartUnpack off), so every line of JavaScript
 *   stays inside the archive that the asar-integrity fuse validates.
 * - package.json's "productName" ("Hexiao Station") is what Electron names the user-data folder after;
 *   the productName below is only the display name. Never set name/productName in extraMetadata: the
 *   ledger would move to a new, empty folder.
 */
import type { Configuration } from 'electron-builder'
import { HARDENED_FUSES } from './scripts/packaging/fuses.mjs'

/** The packages in production dependencies that ship a .node binary (test/packaging checks the list). */
export const nativeModules = ['better-sqlite3', 'node-hid', '@serialport/bindings-cpp'] as const

/** Electron's own needs (electron-builder's default list) plus what our native modules link. */
export const debDepends = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
  'libgbm1',
  'libasound2t64 | libasound2',
  // node-hid's prebuilt binary links libusb-1.0 and libudev
  'libusb-1.0-0',
  'libudev1'
]

const config: Configuration = {
  appId: 'cn.hexiao.station',
  productName: '核销台',
  artifactName: 'Hexiao-Station-${version}-${arch}.${ext}',
  // Linux: Electron takes the window's app_id / WM_CLASS from desktopName, so the dock matches the entry.
  extraMetadata: { desktopName: 'hexiao-station.desktop' },
  directories: { buildResources: 'build', output: 'dist' },
  files: [
    'out/**',
    'package.json',
    // sources and build leftovers of the native modules: never loaded at run time
    '!**/node_modules/better-sqlite3/{deps,src}/**',
    '!**/node_modules/better-sqlite3/build/{deps,Release/obj,Release/obj.target,Release/.deps}/**',
    '!**/node_modules/better-sqlite3/build/Release/test_extension.node',
    '!**/node_modules/node-hid/{hidapi,src}/**'
  ],
  asar: { smartUnpack: false },
  asarUnpack: nativeModules.map((name) => `**/node_modules/${name}/**/*.node`),
  npmRebuild: false,
  buildDependenciesFromSource: false,
  nodeGypRebuild: false,
  afterPack: './scripts/packaging/afterPack.mjs',
  electronLanguages: ['zh-CN', 'en-US'],
  // runAsNode, NODE_OPTIONS and --inspect off; cookie encryption, asar-only and asar integrity on
  electronFuses: { ...HARDENED_FUSES },
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
    // ASCII, so the install folder is "C:\Program Files\Hexiao Station" and the .exe "Hexiao Station.exe"
    executableName: 'Hexiao Station'
  },
  nsis: {
    artifactName: 'Hexiao-Station-Setup-${version}-${arch}.${ext}',
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '核销台',
    runAfterFinish: true,
    // the ledger lives in each Windows user's %APPDATA%\Hexiao Station: an uninstall must never take it
    deleteAppDataOnUninstall: false,
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    installerLanguages: ['zh_CN', 'en_US'],
    language: '2052',
    multiLanguageInstaller: true,
    displayLanguageSelector: false,
    include: 'build/installer.nsh'
  },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] }
    ],
    executableName: 'hexiao-station',
    icon: 'build/icons',
    // freedesktop main category + additional category (electron-builder writes Categories= from this)
    category: 'Office;Finance',
    syncDesktopName: true,
    maintainer: 'Hexiao Station <maintainers@hexiao.invalid>',
    vendor: 'Hexiao Station',
    synopsis: 'WeChat card coupon redemption station for store counters',
    description: '核销台 — scan, check and redeem WeChat card coupons at the counter, online or offline.',
    desktop: {
      entry: {
        'Name[zh_CN]': '核销台',
        'Name[en]': 'Hexiao Station',
        GenericName: 'Coupon redemption',
        'GenericName[zh_CN]': '卡券核销',
        Keywords: 'coupon;redeem;WeChat;hexiao;核销;卡券;'
      }
    }
  },
  deb: {
    depends: debDepends,
    packageCategory: 'misc',
    priority: 'optional'
  }
}

export default config
