/** A PIN is 4 to 8 digits (the same rule main enforces). */
export const PIN_RULE = /^\d{4,8}$/
