import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/security/csp'
import { APP_ORIGIN, isAllowedOrigin, isPermissionAllowed, originOf } from '../../src/main/security/origin'

describe('content security policy', () => {
  const csp = contentSecurityPolicy()
  const directive = (name: string) =>
    csp
      .split('; ')
      .find((d) => d.startsWith(name + ' '))
      ?.slice(name.length + 1)

  it('allows only our own scripts plus WebAssembly compilation', () => {
    expect(directive('script-src')).toBe("'self' 'wasm-unsafe-eval'")
    expect(csp).not.toContain("'unsafe-eval'")
    expect(directive('script-src')).not.toContain("'unsafe-inline'")
  })

  it('loads nothing remote', () => {
    expect(csp).not.toMatch(/https?:|\*/)
    expect(directive('default-src')).toBe("'self'")
    expect(directive('object-src')).toBe("'none'")
    expect(directive('frame-ancestors')).toBe("'none'")
  })

  it('adds only the connect sources it is given (the host WebSocket)', () => {
    expect(contentSecurityPolicy(['ws://127.0.0.1:4000'])).toContain("connect-src 'self' ws://127.0.0.1:4000")
  })
})

describe('origin checks', () => {
  const allowed = [APP_ORIGIN]

  it('recognises our page and nothing else', () => {
    expect(originOf('app://station/index.html')).toBe('app://station')
    expect(isAllowedOrigin('app://station/index.html#x', allowed)).toBe(true)
    expect(isAllowedOrigin('app://evil/index.html', allowed)).toBe(false)
    expect(isAllowedOrigin('https://station/index.html', allowed)).toBe(false)
    expect(isAllowedOrigin('file:///etc/passwd', allowed)).toBe(false)
    expect(isAllowedOrigin('not a url', allowed)).toBe(false)
    expect(isAllowedOrigin(undefined, allowed)).toBe(false)
  })

  it('grants only the camera, only to our page', () => {
    expect(isPermissionAllowed('media', 'app://station/index.html', allowed)).toBe(true)
    expect(isPermissionAllowed('media', 'https://evil.example/', allowed)).toBe(false)
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb'])
      expect(isPermissionAllowed(permission, 'app://station/index.html', allowed), permission).toBe(false)
  })
})
