/** Pure decisions about origins, shared by the Electron glue and the host (and unit-tested). */

/** The privileged scheme the packaged app serves its renderer from. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'station'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export function originOf(url: string | undefined | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    // URL.origin is 'null' for non-special schemes such as app://; build it ourselves.
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return null
  }
}

export const isAllowedOrigin = (url: string | undefined | null, allowed: readonly string[]): boolean => {
  const origin = originOf(url)
  return origin !== null && allowed.includes(origin)
}

/** Permissions the renderer may get: only the camera (and its microphone-less media stream), only for our page. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  allowed: readonly string[]
): boolean {
  return permission === 'media' && isAllowedOrigin(requestingUrl, allowed)
}
