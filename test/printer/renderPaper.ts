/**
 * A picture of the paper: the decoded ESC/POS stream laid out as the printer would (a fixed grid of
 * half-width columns, CJK characters two wide, GS ! sizes, alignment, the QR codes drawn from their data)
 * as HTML, for Chromium to photograph into test-artifacts/ so a person can look at a slip.
 */
import QRCode from 'qrcode'
import type { Decoded } from './escposDecode'

const COL_PX = 12
const ROW_PX = 24

const wide = (c: string) => {
  const cp = c.codePointAt(0) ?? 0
  return (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
}
const escape = (c: string) =>
  c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === ' ' ? '&nbsp;' : c

export async function paperHtml(paper: Decoded, columns: number): Promise<string> {
  const rows: string[] = []
  for (const block of paper.blocks) {
    if (block.kind === 'cut') {
      rows.push('<div class="cut">✂ - - - - - - - - - - - - - - - - - -</div>')
    } else if (block.kind === 'qr') {
      const svg = await QRCode.toString(block.data, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
      const size = Math.max(120, block.moduleSize * 28)
      rows.push(
        `<div class="row" style="justify-content:${flex(block.align)}"><div style="width:${size}px;height:${size}px">${svg}</div></div>`
      )
    } else {
      const { text, align, bold, width, height } = block.line
      const cells = [...text]
        .map(
          (c) =>
            `<span style="width:${(wide(c) ? 2 : 1) * COL_PX * width}px;font-size:${Math.round(20 * height)}px;transform:scaleX(${width / height})">${escape(c)}</span>`
        )
        .join('')
      rows.push(
        `<div class="row" style="justify-content:${flex(align)};height:${ROW_PX * height}px;font-weight:${bold ? 700 : 400}">${cells}</div>`
      )
    }
  }
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #888; padding: 16px; }
    .paper { width: ${columns * COL_PX}px; padding: 16px 12px; background: #fffef8; color: #111;
      font-family: 'DejaVu Sans Mono', 'Noto Sans CJK SC', monospace; box-shadow: 0 2px 8px #0006; }
    .row { display: flex; align-items: flex-end; white-space: pre; }
    .row span { display: inline-block; text-align: center; line-height: 1; transform-origin: left bottom; }
    .cut { color: #888; font-size: 12px; margin: 8px 0; }
  </style></head><body><div class="paper" data-testid="paper">${rows.join('\n')}</div></body></html>`
}

const flex = (align: 'left' | 'center' | 'right') =>
  align === 'center' ? 'center' : align === 'right' ? 'flex-end' : 'flex-start'
