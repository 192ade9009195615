/**
 * The public barcode corpus (../shared/fixtures/barcodes, a subset of zxing-cpp's black-box samples):
 * every image with its expected text (.txt) or bytes (.bin). A missing corpus is an error, never a skip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'

export const CORPUS_DIR = resolve(process.cwd(), '../shared/fixtures/barcodes')

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg'
}

export interface Sample {
  set: string
  name: string
  dataUrl: string
  expected: { text: string } | { bytes: number[] }
}

export function loadCorpus(dir = CORPUS_DIR): Sample[] {
  if (!existsSync(dir))
    throw new Error(
      `The barcode corpus is missing: expected it at ${dir} (a checkout of ../shared next to the repository).`
    )
  const samples: Sample[] = []
  for (const set of readdirSync(dir).sort()) {
    const setDir = join(dir, set)
    if (!/^[a-z0-9]+-\d+$/.test(set)) continue
    for (const file of readdirSync(setDir).sort()) {
      const type = IMAGE_TYPES[extname(file).toLowerCase()]
      if (!type) continue
      const stem = join(setDir, file.slice(0, -extname(file).length))
      const expected = existsSync(`${stem}.bin`)
        ? { bytes: [...readFileSync(`${stem}.bin`)] }
        : existsSync(`${stem}.txt`)
          ? { text: readFileSync(`${stem}.txt`, 'utf8') }
          : null
      if (!expected) throw new Error(`No expected result (.txt or .bin) for ${join(set, file)}`)
      const dataUrl = `data:${type};base64,${readFileSync(join(setDir, file)).toString('base64')}`
      samples.push({ set, name: file, dataUrl, expected })
    }
  }
  return samples
}

/** The decoder worker as the build emitted it (assets/decoder.worker-<hash>.js). */
export function builtWorkerPath(): string {
  const assets = join(process.cwd(), 'out/renderer/assets')
  const worker = existsSync(assets)
    ? readdirSync(assets).find((f) => /^decoder\.worker-.*\.js$/.test(f))
    : null
  if (!worker) throw new Error(`No decoder worker in ${assets}: run \`npm run build\` first.`)
  return `/assets/${worker}`
}
