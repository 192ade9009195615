/** Serves the built renderer from disk, never outside its folder, with the station's security headers. */
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav'
}

export async function serveStatic(
  rootDir: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>
): Promise<void> {
  const decoded = safeDecode(urlPath.split('?')[0] ?? '/')
  const file = decoded === null ? null : resolveInside(rootDir, decoded)
  if (file === null) {
    res.writeHead(400, headers).end('Bad path')
    return
  }
  try {
    const body = await readFile(file)
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(body)
  } catch {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
  }
}

/** The file a URL path names, or null when it would leave the renderer folder. */
function resolveInside(rootDir: string, decodedPath: string): string | null {
  const relative = decodedPath === '/' || decodedPath === '' ? 'index.html' : decodedPath.replace(/^\/+/, '')
  const root = normalize(rootDir + sep)
  const file = normalize(join(rootDir, relative))
  return file.startsWith(root) ? file : null
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}
