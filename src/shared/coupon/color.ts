/**
 * Card colours. card/create takes names Color010…Color102; card/get has been seen returning hex instead
 * (docs/wechat-api.md §2.1). The name → hex table is the one WeChat's MP UI uses, as copied by several public
 * SDKs and merchant tools (they agree on every entry).
 */
export const WECHAT_CARD_COLORS: Readonly<Record<string, string>> = {
  Color010: '#63B359',
  Color020: '#2C9F67',
  Color030: '#509FC9',
  Color040: '#5885CF',
  Color050: '#9062C0',
  Color060: '#D09A45',
  Color070: '#E4B138',
  Color080: '#EE903C',
  Color081: '#F08500',
  Color082: '#A9D92D',
  Color090: '#DD6549',
  Color100: '#CC463D',
  Color101: '#CF3E36',
  Color102: '#5E6671'
}

/** Neutral grey for a colour we cannot read; the raw value is kept beside it. */
export const DEFAULT_CARD_COLOR = '#8C8C8C'

/** '#RRGGBB' (upper case) from a Color0xx name, '#rgb' or '#rrggbb' (with or without '#'); default otherwise. */
export function normaliseColor(raw: string | undefined): string {
  if (!raw) return DEFAULT_CARD_COLOR
  const t = raw.trim()
  const named = Object.entries(WECHAT_CARD_COLORS).find(([name]) => name.toLowerCase() === t.toLowerCase())
  if (named) return named[1]
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(t)?.[1]
  if (!hex) return DEFAULT_CARD_COLOR
  const six = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
  return `#${six.toUpperCase()}`
}
