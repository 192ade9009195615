/**
 * Layout checks for a till's screen (issue 15 item 2): nothing wider than its box, nothing sticking out of its
 * card or column, no text squeezed to a character per line, the header on one row, the page itself never
 * scrolling sideways, and the action that matters inside the viewport without scrolling.
 *
 * Everything is measured in the page (getBoundingClientRect, scrollWidth/clientWidth) and returned as short
 * "what: where" lines, so a failure names the element.
 */
import type { Locator, Page } from 'playwright-core'

/*
 * The few DOM shapes the checks use, spelled out: test code compiles without the DOM library (the functions
 * below run in the browser through page.evaluate).
 */
interface Rect {
  top: number
  bottom: number
  left: number
  right: number
  width: number
  height: number
}
interface El {
  tagName: string
  className: unknown
  textContent: string | null
  scrollWidth: number
  clientWidth: number
  parentElement: El | null
  classList: { contains(name: string): boolean }
  children: ArrayLike<El>
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>
  getAttribute(name: string): string | null
  getBoundingClientRect(): Rect
  closest(selector: string): El | null
  querySelectorAll(selector: string): ArrayLike<El>
}
interface Style {
  visibility: string
  display: string
  textOverflow: string
  overflowX: string
  fontSize: string
}
interface Win {
  innerWidth: number
  innerHeight: number
  getComputedStyle(el: El): Style
}
interface Doc {
  documentElement: El
  querySelector(selector: string): El | null
  querySelectorAll(selector: string): ArrayLike<El>
}

/** The boxes whose children must stay inside them: cards, columns, panels, bars. */
export const CONTAINERS = [
  '.app-header',
  '.main-content',
  '.counter-main',
  '.counter-side',
  '.counter-detail',
  '.coupon',
  '.redeem-bar',
  '.bill-entry',
  '.manual-entry',
  '.recent',
  '.state',
  '.page',
  '.ant-card',
  '.ant-modal-content',
  '.gate-card',
  '.lock-screen'
]

export interface LayoutProblem {
  kind: 'page-scrolls-sideways' | 'overflows-itself' | 'sticks-out' | 'squeezed-text' | 'header-wraps'
  where: string
  detail: string
}

/** Every horizontal layout problem on the page as it is now. */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate((containers) => {
    const problems: LayoutProblem[] = []
    const doc = (globalThis as unknown as { document: Doc }).document
    const win = globalThis as unknown as Win
    const describe = (el: El): string => {
      const id = el.getAttribute('data-testid')
      if (id) return `[data-testid=${id}]`
      const cls =
        typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''
      const text = (el.textContent ?? '').trim().slice(0, 24)
      return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}${text ? ` "${text}"` : ''}`
    }
    const visible = (el: El): boolean => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const s = win.getComputedStyle(el)
      if (s.visibility === 'hidden' || s.display === 'none') return false
      // visually-hidden text for screen readers is 1px on purpose
      if (el.closest('.visually-hidden')) return false
      return true
    }
    const root = doc.documentElement
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push({
        kind: 'page-scrolls-sideways',
        where: 'html',
        detail: `${root.scrollWidth} > ${root.clientWidth}`
      })

    for (const el of Array.from(doc.querySelectorAll('body *'))) {
      if (!visible(el)) continue
      const tag = el.tagName.toLowerCase()
      // A text field's value may be longer than the field (it scrolls while typing); svg has no client box.
      if (tag === 'input' || tag === 'textarea' || tag === 'svg' || el.closest('svg')) continue
      // antd's switch slides its hidden label inside a clipped track; a spinning loading icon is rotated.
      if (el.closest('.ant-switch, .ant-btn-loading-icon')) continue
      const s = win.getComputedStyle(el)
      if (s.textOverflow === 'ellipsis') continue
      // Scroll boxes that scroll on purpose (tables on narrow pages, the recent list) are allowed to be wider
      // inside, but the page around them is not.
      const scrolls = s.overflowX === 'auto' || s.overflowX === 'scroll'
      // Inside a scroll box of its own (the .table-scroll regions, the recent list) wide content is what
      // scrolls. The page's main area scrolls too, but only downwards: it is not such a box.
      let insideScroller = false
      for (let p = el.parentElement; p && !p.classList.contains('main-content'); p = p.parentElement) {
        const o = win.getComputedStyle(p).overflowX
        if (o === 'auto' || o === 'scroll') {
          insideScroller = true
          break
        }
      }
      if (insideScroller) continue
      if (!scrolls && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        problems.push({
          kind: 'overflows-itself',
          where: describe(el),
          detail: `content ${el.scrollWidth}px in ${el.clientWidth}px`
        })
      // One character per line: a box much taller than wide holding more than a few characters of text.
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim()
      if (own.length >= 3) {
        const r = el.getBoundingClientRect()
        const fontSize = parseFloat(s.fontSize) || 16
        if (r.width < fontSize * 2.5 && r.height > fontSize * 3.5)
          problems.push({
            kind: 'squeezed-text',
            where: describe(el),
            detail: `${Math.round(r.width)}×${Math.round(r.height)} for "${own.slice(0, 16)}"`
          })
      }
    }

    for (const selector of containers) {
      for (const box of Array.from(doc.querySelectorAll(selector))) {
        if (!visible(box)) continue
        const b = box.getBoundingClientRect()
        for (const child of Array.from(box.querySelectorAll('*'))) {
          if (!visible(child)) continue
          if (child.tagName.toLowerCase() === 'svg' || child.closest('svg')) continue
          // Children of an inner scroll box are measured against that box, not this one.
          let clipped = false
          for (let p = child.parentElement; p && p !== box; p = p.parentElement) {
            const o = win.getComputedStyle(p).overflowX
            if (o !== 'visible') {
              clipped = true
              break
            }
          }
          if (clipped) continue
          const c = child.getBoundingClientRect()
          if (c.right > b.right + 1 || c.left < b.left - 1)
            problems.push({
              kind: 'sticks-out',
              where: `${describe(child)} in ${selector}`,
              detail: `child ${Math.round(c.left)}–${Math.round(c.right)}, box ${Math.round(b.left)}–${Math.round(b.right)}`
            })
        }
      }
    }

    const header = doc.querySelector('.app-header')
    if (header && visible(header)) {
      const tops = Array.from(header.children)
        .filter(visible)
        .map((c) => c.getBoundingClientRect())
      const rows = new Set(tops.map((r) => Math.round(r.top + r.height / 2) >> 4))
      const h = header.getBoundingClientRect().height
      if (h > 72 || rows.size > 2)
        problems.push({ kind: 'header-wraps', where: '.app-header', detail: `height ${Math.round(h)}px` })
    }
    // A problem inside a problem is reported once, at the innermost element.
    const seen = new Set<string>()
    return problems.filter((p) => {
      const k = `${p.kind}|${p.where}`
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
  }, CONTAINERS)
}

/** Whether the element lies entirely inside the viewport as the page is now (no scrolling done). */
export async function inViewport(locator: Locator): Promise<string | null> {
  const box = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const win = globalThis as unknown as Win
    return {
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      right: r.right,
      w: win.innerWidth,
      h: win.innerHeight
    }
  })
  if (box.top < 0 || box.left < 0 || box.bottom > box.h + 0.5 || box.right > box.w + 0.5)
    return `at ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)} in ${box.w}×${box.h}`
  return null
}

/** Screen sizes a till really has; 125 % zoom of 1024×768 leaves a CSS viewport of 819×614. */
export const SIZES = [
  { name: '1024x768', width: 1024, height: 768, scale: 1 },
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
  { name: '1024x768@125', width: 819, height: 614, scale: 1.25 }
] as const
