/**
 * Tolerant field readers for upstream JSON. WeChat and the SDKs around it send numbers as strings,
 * booleans as "true", and omit fields freely; each reader answers the value or undefined, never throws.
 */
import { z } from 'zod'

export type JsonObject = Record<string, unknown>

const intLike = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.0+)?$/)
      .transform(Number)
  ])
  .pipe(z.number().int().refine(Number.isSafeInteger))

const boolLike = z.union([
  z.boolean(),
  z.enum(['true', 'TRUE', 'True', '1']).transform(() => true),
  z.enum(['false', 'FALSE', 'False', '0']).transform(() => false),
  z.literal(1).transform(() => true),
  z.literal(0).transform(() => false)
])

const stringLike = z.union([z.string(), z.number().transform(String)])

export function readObject(v: unknown): JsonObject | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined
}

export const readArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

export function readInt(v: unknown): number | undefined {
  const r = intLike.safeParse(v)
  return r.success ? r.data : undefined
}

export function readBool(v: unknown): boolean | undefined {
  const r = boolLike.safeParse(v)
  return r.success ? r.data : undefined
}

export function readString(v: unknown): string | undefined {
  const r = stringLike.safeParse(v)
  return r.success ? r.data : undefined
}

/** A non-empty string after trimming, or undefined. */
export function readText(v: unknown): string | undefined {
  const s = readString(v)?.trim()
  return s ? s : undefined
}

/**
 * WeChat sends unix seconds. A value of 10^12 or more can only be milliseconds already (seconds would be
 * past the year 33000), so it passes through; anything not a non-negative integer is undefined.
 */
export function readUnixTime(v: unknown): number | undefined {
  const n = readInt(v)
  if (n === undefined || n < 0) return undefined
  return n >= 1e12 ? n : n * 1000
}
