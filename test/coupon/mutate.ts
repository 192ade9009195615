/** fast-check helpers that damage a real payload: replace or delete any node with random JSON. */
import fc from 'fast-check'

type Path = (string | number)[]
const DELETE = Symbol('delete')

function pathsOf(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])))
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]))
  }
  return out
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value === DELETE ? undefined : value
  const [head, ...rest] = path as [string | number, ...Path]
  if (typeof root !== 'object' || root === null) return root
  const copy = (Array.isArray(root) ? [...root] : { ...root }) as Record<string | number, unknown>
  const next = setAt(copy[head], rest, value)
  if (rest.length === 0 && value === DELETE) delete copy[head]
  else copy[head] = next
  return copy
}

const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(DELETE),
  fc.constantFrom(
    '',
    '0',
    'true',
    'false',
    '-1',
    '1e3',
    'NaN',
    -1,
    0,
    1.5,
    1e20,
    Number.MAX_SAFE_INTEGER,
    null,
    [],
    {}
  )
)

/** The payload with up to 6 random nodes replaced or deleted. */
export function mutated(payload: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(payload)
  return fc
    .array(fc.tuple(fc.nat({ max: paths.length - 1 }), replacement), { maxLength: 6 })
    .map((edits) => edits.reduce((acc, [i, v]) => setAt(acc, paths[i] ?? [], v), payload))
}
