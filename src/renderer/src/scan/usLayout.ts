/**
 * The character a physical key (KeyboardEvent.code) types on a US layout. Only used when an input method
 * swallowed the key (key === 'Process'): the code still names the key, and wedge scanners in China are
 * set to the US layout, so this recovers what the scanner typed.
 */
const PAIRS: Record<string, [string, string]> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/']
}

export function usLayoutChar(code: string, shift: boolean, capsLock = false): string | null {
  const letter = /^Key([A-Z])$/.exec(code)
  if (letter?.[1]) return shift !== capsLock ? letter[1] : letter[1].toLowerCase()
  const numpad = /^Numpad([0-9])$/.exec(code)
  if (numpad?.[1]) return numpad[1]
  const pair = PAIRS[code]
  return pair ? pair[shift ? 1 : 0] : null
}
