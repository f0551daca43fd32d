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
