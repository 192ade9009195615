export declare const PNG_FROM_SIZE: number

export interface IcoImage {
  width: number
  height: number
  format: 'png' | 'dib'
  bitCount: number
  byteLength: number
}

export declare function encodeIco(images: { size: number; png: Buffer }[]): Buffer
export declare function readIco(buf: Buffer): IcoImage[]
