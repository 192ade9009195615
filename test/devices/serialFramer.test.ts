import { describe, expect, it } from 'vitest'
import type { SerialDelimiter } from '../../src/shared/scannerConfig'
import { SerialFramer, type SerialFrame } from '../../src/main/devices/serial/serialFramer'

const bytes = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'))
const show = (frames: SerialFrame[]): string[] =>
  frames.map((f) => `${f.kind}:${Buffer.from(f.bytes).toString('latin1')}`)

function framer(delimiter: SerialDelimiter = 'CR', maxFrameBytes = 32): SerialFramer {
  return new SerialFramer({ delimiter, maxFrameBytes })
}

describe('SerialFramer', () => {
  it('delivers a whole frame without its delimiter', () => {
    expect(show(framer().push(bytes('110201201245\r')))).toEqual(['frame:110201201245'])
  })

  it('joins a frame split across chunks, down to single bytes', () => {
    const f = framer()
    const frames = [...'000123456789\r'].flatMap((ch) => f.push(bytes(ch)))
    expect(show(frames)).toEqual(['frame:000123456789'])
  })

  it('splits several frames in one chunk and keeps the unfinished tail', () => {
    const f = framer()
    expect(show(f.push(bytes('111\r222\r33')))).toEqual(['frame:111', 'frame:222'])
    expect(f.pendingBytes).toBe(2)
    expect(show(f.push(bytes('3\r')))).toEqual(['frame:333'])
  })

  it.each<[string, SerialDelimiter, string]>([
    ['CR reader, CR LF sender', 'CR', '111\r\n222\r\n'],
    ['LF reader, CR LF sender', 'LF', '111\r\n222\r\n'],
    ['CRLF reader', 'CRLF', '111\r\n222\r\n'],
    ['ETX byte delimiter', { byte: 0x03 }, '\x02111\x03\x02222\x03']
  ])('frames %s', (_name, delimiter, input) => {
    const frames = show(framer(delimiter).push(bytes(input)))
    expect(frames.map((f) => f.replace('\x02', ''))).toEqual(['frame:111', 'frame:222'])
  })

  it('drops empty frames (bare terminators)', () => {
    expect(show(framer().push(bytes('\r\r\n\r')))).toEqual([])
  })

  it('accepts a frame of exactly maxFrameBytes', () => {
    expect(show(framer('CR', 8).push(bytes('12345678\r')))).toEqual(['frame:12345678'])
  })

  it('reports a frame that never ends as overflow, drops its tail, then frames normally again', () => {
    const f = framer('CR', 8)
    expect(show(f.push(bytes('1234567890')))).toEqual(['overflow:12345678'])
    expect(show(f.push(bytes('ABC\r')))).toEqual([])
    expect(show(f.push(bytes('110201201245'.slice(0, 8) + '\r')))).toEqual(['frame:11020120'])
  })

  it('keeps reporting while a runaway stream goes on, so a wrong suffix setting is visible', () => {
    const frames = framer('CR', 8).push(bytes('x'.repeat(30)))
    expect(frames.map((f) => f.kind)).toEqual(['overflow', 'overflow', 'overflow'])
  })

  it('passes garbage bytes through as a frame for the normalizer to reject', () => {
    const [frame] = framer().push(Uint8Array.from([0x00, 0xff, 0xfe, 0x01, 0x0d]))
    expect(frame).toEqual({ kind: 'frame', bytes: Uint8Array.from([0x00, 0xff, 0xfe, 0x01]) })
  })

  it('ends a pending frame on flush (idle timeout) but never the tail of an overflow', () => {
    const f = framer('CR', 8)
    f.push(bytes('123456'))
    expect(show(f.flush())).toEqual(['frame:123456'])
    expect(show(f.flush())).toEqual([])
    f.push(bytes('123456789'))
    expect(show(f.flush())).toEqual([])
    expect(show(f.push(bytes('42\r')))).toEqual(['frame:42'])
  })
})
