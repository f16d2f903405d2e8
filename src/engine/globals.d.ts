// The one host API the engine uses beyond the language: TextEncoder (WHATWG
// Encoding), which browsers, workers and Node all provide; byte lengths and
// hashes are of UTF-8. Declared for src/engine/tsconfig.json only (the root
// tsconfig excludes this file: its DOM and Node types already declare it).
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
