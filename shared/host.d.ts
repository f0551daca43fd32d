// The few host APIs that shared/ relies on. Both Node and browsers provide them; declaring them
// here (rather than pulling in the DOM or Node libraries) keeps every other host API out of reach.

/** WHATWG URL parser (the parts Copydesk uses). */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}

/** Web Crypto's random source (review ids). */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

/** WHATWG UTF-8 encoder (drafts cross the process boundary as their UTF-8 bytes). */
declare class TextEncoder {
  encode(text: string): Uint8Array<ArrayBuffer>;
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
}

/** WHATWG decoder (UTF-8 only here); with `fatal`, a byte sequence that is not UTF-8 throws. */
declare class TextDecoder {
  constructor(label: 'utf-8', options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(bytes: Uint8Array): string;
}
