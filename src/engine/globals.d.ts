// The host APIs the engine uses beyond the language, which browsers, workers
// and Node all provide: TextEncoder (WHATWG Encoding; byte lengths and hashes
// are of UTF-8) and atob (HTML's base64, to read a Secret's data). Declared for src/engine/tsconfig.json only (the root
// tsconfig excludes this file: its DOM and Node types already declare it).
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function atob(data: string): string;
