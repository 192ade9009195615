/**
 * One-time downloads for the Node host. An export is written by main into the mode's exports folder; the
 * page gets a URL with a random 128-bit token, valid once and for ten minutes, and the host streams the file
 * as an attachment (Chromium's download then saves it). The page never sees a path and needs no Node.
 * The token travels only over the already authenticated WebSocket, to a signed-in manager.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream, rmSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'

export const DOWNLOAD_PREFIX = '/download/'
const TTL_MS = 10 * 60_000

interface Offer {
  file: string
  fileName: string
  contentType: string
  expiresAt: number
}

const offers = new Map<string, Offer>()

export function offerDownload(
  file: string,
  fileName: string,
  contentType: string,
  now: number
): { url: string; expiresAt: number } {
  sweep(now)
  const token = randomBytes(16).toString('base64url')
  const expiresAt = now + TTL_MS
  offers.set(token, { file, fileName, contentType, expiresAt })
  return { url: `${DOWNLOAD_PREFIX}${token}`, expiresAt }
}

/** The offer behind a token, removed so it can be used once only. */
export function takeDownload(token: string, now: number): Offer | null {
  const offer = offers.get(token)
  if (!offer) return null
  offers.delete(token)
  if (offer.expiresAt < now) {
    rmSync(offer.file, { force: true })
    return null
  }
  return offer
}

export const isDownloadPath = (url: string | undefined): boolean => (url ?? '').startsWith(DOWNLOAD_PREFIX)

/** The host's handler for GET /download/<token>. The file is removed once sent (it was a copy). */
export function serveDownload(
  url: string,
  res: ServerResponse,
  headers: Record<string, string>,
  now = Date.now()
): void {
  const token = url.slice(DOWNLOAD_PREFIX.length).split(/[?#]/)[0] ?? ''
  const offer = takeDownload(token, now)
  if (!offer) {
    res
      .writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      .end('This download has expired or was already used.')
    return
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': offer.contentType,
    'Content-Length': String(statSync(offer.file).size),
    'Content-Disposition': contentDisposition(offer.fileName)
  })
  const stream = createReadStream(offer.file)
  stream.pipe(res)
  const cleanUp = () => rmSync(offer.file, { force: true })
  stream.once('close', cleanUp)
  stream.once('error', () => res.destroy())
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name (Chinese file names). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

function sweep(now: number): void {
  for (const [token, offer] of offers) {
    if (offer.expiresAt >= now) continue
    offers.delete(token)
    rmSync(offer.file, { force: true })
  }
}
