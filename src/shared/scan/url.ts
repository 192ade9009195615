/**
 * Reads code-bearing parameters from a scanned or pasted URL without the URL global, so it also copes with
 * scheme-less fragments, SPA hash routes ('#/page?encrypt_code=…') and half-encoded values.
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i
const CODE_PARAM = /[?&#;](encrypt_code|code|card_id)=/i

export const looksLikeUrl = (text: string): boolean => SCHEME.test(text) || CODE_PARAM.test(text)

/** Lower-cased name → decoded value, or null when the value's percent-escapes are broken. */
export type UrlParams = ReadonlyMap<string, string | null>

function decodeComponent(value: string): string | undefined {
  try {
    const once = decodeURIComponent(value)
    // A value that still holds escapes was encoded twice (common when a URL travels as a redirect target).
    return /%[0-9A-Fa-f]{2}/.test(once) ? decodeURIComponent(once) : once
  } catch {
    return undefined
  }
}

/**
 * Parameters after the first '?' or '#', first occurrence wins. '+' is kept as '+': base64 uses it, and
 * WeChat appends encrypt_code to URLs unencoded. A broken parameter we do not read does not spoil the rest.
 */
export function readUrlParams(url: string): UrlParams {
  const start = url.search(/[?#]/)
  const params = new Map<string, string | null>()
  if (start < 0) return params
  for (const part of url.slice(start + 1).split(/[?&#;]/)) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = decodeComponent(part.slice(0, eq))?.toLowerCase()
    if (name === undefined || params.has(name)) continue
    params.set(name, decodeComponent(part.slice(eq + 1)) ?? null)
  }
  return params
}
