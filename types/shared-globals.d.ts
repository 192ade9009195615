/**
 * The few globals src/shared may use because every runtime the station runs in (Node, Electron's
 * main and renderer, Chromium) has them: the WHATWG URL parser. Only tsconfig.shared.json includes
 * this file; the node and web configs get the full definitions from @types/node and lib.dom.
 */
declare class URL {
  constructor(url: string, base?: string)
  readonly protocol: string
  readonly hostname: string
  readonly username: string
  readonly password: string
  readonly host: string
  readonly pathname: string
  readonly search: string
  readonly hash: string
}
