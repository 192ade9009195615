/** The 12-digit codes of a reliability run: prefix + index, zero-padded (leading zeros must survive). */
export const codeOf = (prefix: string, i: number): string =>
  `${prefix}${String(i).padStart(12 - prefix.length, '0')}`

/** The kill -9 plan: every third redemption is offline (the cashier picked its card), the rest online. */
export const isOnline = (i: number): boolean => i % 3 !== 0
