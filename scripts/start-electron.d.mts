export declare function electronUnavailableMessage(version: string): string
export declare function electronBinary(dir?: string): string | null
