/**
 * Money is integer fen (分) everywhere: 100 fen = ¥1. Never a float.
 * `Fen` is a plain number alias so arithmetic stays readable; `isFen`/`toFen`
 * guard the edges where numbers come in from the outside world.
 */
export type Fen = number

export const isFen = (n: unknown): n is Fen => typeof n === 'number' && Number.isSafeInteger(n)

/**
 * The largest bill the counter takes: ¥1,000,000.00. The redeem contract refuses more, and the bill field says
 * so with this figure before anything is sent (issue 15: 99999999 used to pass the field and fail as a generic
 * "invalid request").
 */
export const BILL_MAX_FEN: Fen = 100_000_000

/** Parses a yuan amount typed by a person ("12", "12.5", "12.50") into fen, or null when it is not one. */
export function yuanTextToFen(text: string): Fen | null {
  const t = text.trim().replace(/^[¥￥]/, '')
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(t)
  if (!m) return null
  const whole = Number(m[1])
  const frac = (m[2] ?? '').padEnd(2, '0')
  return whole * 100 + Number(frac)
}

/** "12.50" — yuan with two decimals, computed with integers only. */
export function fenToYuanText(fen: Fen): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** "¥12.50" for display. */
export const formatFen = (fen: Fen): string => `¥${fenToYuanText(fen)}`
