/**
 * The Content-Security-Policy of every page the station shows, in Electron and in the
 * Node host alike. No remote origin anywhere; 'wasm-unsafe-eval' only because the camera
 * decoder (zxing-wasm) compiles WebAssembly; inline styles because the component library
 * injects its CSS at run time (scripts stay strict: no inline script, no eval).
 */
export function contentSecurityPolicy(extraConnect: readonly string[] = []): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", ...extraConnect],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"]
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}
