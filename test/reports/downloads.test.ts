/** The host's one-time download links: the file as an attachment with its Chinese name, once, then 404. */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isDownloadPath, offerDownload, serveDownload, takeDownload } from '../../src/main/reports/downloads'

const servers: Array<{ close: () => void }> = []
afterEach(() => servers.splice(0).forEach((s) => s.close()))

async function serving(): Promise<string> {
  const server = createServer((req, res) => {
    if (isDownloadPath(req.url)) serveDownload(req.url ?? '', res, { 'X-Content-Type-Options': 'nosniff' })
    else res.writeHead(404).end()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function exportFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hexiao-dl-')), 'x.csv')
  writeFileSync(file, text)
  return file
}

describe('one-time downloads', () => {
  it('serve the file once as an attachment, then answer 404 and remove the copy', async () => {
    const base = await serving()
    const file = exportFile('\ufeff业务日期\r\n')
    const offer = offerDownload(file, '核销明细_2026-11-22.csv', 'text/csv; charset=utf-8', Date.now())
    const first = await fetch(base + offer.url)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-disposition')).toBe(
      `attachment; filename="_____2026-11-22.csv"; filename*=UTF-8''${encodeURIComponent('核销明细_2026-11-22.csv')}`
    )
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await first.arrayBuffer()).toString('utf8')).toBe('\ufeff业务日期\r\n') // BOM kept
    expect((await fetch(base + offer.url)).status).toBe(404)
    await expect.poll(() => existsSync(file)).toBe(false)
    expect((await fetch(`${base}/download/not-a-token`)).status).toBe(404)
  })

  it('expire after ten minutes', () => {
    const now = Date.now()
    const file = exportFile('x')
    const offer = offerDownload(file, 'x.csv', 'text/csv', now)
    expect(takeDownload(offer.url.split('/').pop() ?? '', now + 10 * 60_000 + 1)).toBeNull()
    expect(existsSync(file)).toBe(false)
  })
})
