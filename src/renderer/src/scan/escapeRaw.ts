/** Raw scanner text made visible: control characters as \r, \t, \n or \xNN, so a suffix shows up. */
const NAMED: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '\\': '\\\\' }

export function escapeRaw(raw: string): string {
  let out = ''
  for (const ch of raw) {
    const code = ch.codePointAt(0) ?? 0
    if (NAMED[ch]) out += NAMED[ch]
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    else out += ch
  }
  return out
}
