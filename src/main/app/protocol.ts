/**
 * The packaged renderer is served from app://station/ (a privileged custom scheme) rather
 * than file://: module scripts, fetch of the zxing .wasm and a real origin for permission
 * and sender checks all work the same as in the browser harness.
 */
import { protocol, net } from 'electron'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { contentSecurityPolicy } from '../security/csp'
import { APP_HOST, APP_SCHEME } from '../security/origin'

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
    }
  ])
}

export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir + sep)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const relative =
      url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const file = normalize(join(rendererDir, relative))
    if (url.host !== APP_HOST || !file.startsWith(root)) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', contentSecurityPolicy())
    headers.set('X-Content-Type-Options', 'nosniff')
    if (file.endsWith('.wasm')) headers.set('Content-Type', 'application/wasm')
    return new Response(response.body, { status: response.status, headers })
  })
}
