// snappyjs ships no types; only the tests use it, as the encoder a Loki client is.
declare module 'snappyjs' {
  /** Snappy block format; throws when the input is not a valid block or would exceed maxLength. */
  export function uncompress<T extends Uint8Array | ArrayBuffer>(compressed: T, maxLength?: number): T;
  export function compress<T extends Uint8Array | ArrayBuffer>(uncompressed: T): T;
}
