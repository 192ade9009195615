/** Small text helpers shared by coupon descriptions and reason texts. Integer arithmetic only. */
import { fenToYuanText, type Fen } from '../money'

/** Yuan without a '.00' tail: 10000 → '100', 10050 → '100.50'. */
export const yuanShort = (fen: Fen): string => (fen % 100 === 0 ? String(fen / 100) : fenToYuanText(fen))

/** '¥100' / '¥100.50'. */
export const yuanSign = (fen: Fen): string => (fen < 0 ? `-¥${yuanShort(-fen)}` : `¥${yuanShort(fen)}`)

/**
 * The Chinese 折 figure for a percent taken off: 30 → '7', 15 → '8.5', 5 → '9.5'. 折 counts tenths of the
 * price the customer pays, so it is (100 − percentOff) / 10 with at most one decimal.
 */
export function zheText(percentOff: number): string {
  const pay = 100 - percentOff
  const tenth = pay % 10
  return tenth === 0 ? String(pay / 10) : `${(pay - tenth) / 10}.${tenth}`
}
