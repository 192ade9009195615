#!/usr/bin/env node
// `npm run icons`: renders the app icon sources (resources/icons/*.svg) into the files electron-builder
// uses, and commits nothing itself — the outputs are small source assets, committed by hand:
//
//   build/icons/<N>x<N>.png  N = 16 24 32 48 64 128 256 512   Linux (AppImage, deb: hicolor theme)
//   build/icon.png           512 px                            electron-builder's default, docs
//   build/icon.ico           16 24 32 48 64 128 256            Windows exe, installer, uninstaller
//
// Rendering is done by Debian's Chromium through playwright-core (both already used by the browser
// tests; no ImageMagick, nothing downloaded). The '核' needs the Noto Sans CJK SC Bold face
// (apt-get install fonts-noto-cjk); the script stops rather than silently using a fallback font.
// 48 px and below use icon-small.svg: a bold check, because the character is not legible there.
/* global document -- used inside page.evaluate(), which runs in Chromium */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { encodeIco } from './ico.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const out = join(root, 'build')
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const SMALL_UP_TO = 48

const FONT_FACE = `@font-face {
  font-family: 'Noto Sans CJK SC';
  font-weight: 700;
  src: local('Noto Sans CJK SC Bold'), local('NotoSansCJKsc-Bold'), local('Source Han Sans SC Bold'),
    local('SourceHanSansSC-Bold');
}`

function chromiumPath() {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p) => p !== undefined && p !== ''
  )
  const found = candidates.find((p) => existsSync(p))
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}): apt-get install chromium, or set CHROMIUM_PATH.`
    )
  }
  return found
}

async function main() {
  const svg = {
    large: readFileSync(join(root, 'resources/icons/icon.svg'), 'utf8'),
    small: readFileSync(join(root, 'resources/icons/icon-small.svg'), 'utf8')
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none']
  })
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    const render = async (size) => {
      const source = size <= SMALL_UP_TO ? svg.small : svg.large
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(
        `<!doctype html><html><head><style>${FONT_FACE}
          html, body { margin: 0; background: transparent; }
          svg { display: block; width: ${size}px; height: ${size}px; }</style></head>
        <body>${source}</body></html>`
      )
      const faces = await page.evaluate(async () => {
        const loaded = await document.fonts.load('700 184px "Noto Sans CJK SC"', '核')
        return loaded.length
      })
      if (faces === 0) {
        throw new Error(
          'Noto Sans CJK SC Bold is not installed: apt-get install fonts-noto-cjk (no fallback font).'
        )
      }
      return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
    }

    const pngs = new Map()
    for (const size of PNG_SIZES) pngs.set(size, await render(size))

    mkdirSync(join(out, 'icons'), { recursive: true })
    for (const [size, png] of pngs) writeFileSync(join(out, 'icons', `${size}x${size}.png`), png)
    writeFileSync(join(out, 'icon.png'), pngs.get(512))
    const ico = encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) })))
    writeFileSync(join(out, 'icon.ico'), ico)
    console.log(
      `[icons] wrote build/icons/{${PNG_SIZES.join(',')}}.png, build/icon.png and build/icon.ico (${ico.length} bytes)`
    )
  } finally {
    await browser.close()
  }
}

main().catch((err) => {
  console.error(`[icons] ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
