/**
 * Bracketed citation markers in running text: `[1]`, `[1][2]`, `[1, 2]`, `[1–3]`. Used by the
 * plain-text importer; a marker becomes a citation of the reference with that number, and only
 * the marker is replaced (the space before it stays, as in the seed's fixture).
 */
import type { ImportInline } from './tree';

/** A marker: numbers from 1 to 999, separated by commas or a range dash. */
const MARKER = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]/gu;
/** The largest range expanded (`[1–20]`); a wider one is left as text. */
const MAX_RANGE = 20;

/** The reference numbers a marker's content names, or null when it is not a citation marker. */
function markerNumbers(content: string): string[] | null {
  const numbers: string[] = [];
  for (const part of content.split(/\s*,\s*/u)) {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/u.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from < 1 || to < from || to - from > MAX_RANGE) return null;
      for (let n = from; n <= to; n++) numbers.push(String(n));
    } else {
      if (Number(part) < 1) return null;
      numbers.push(String(Number(part)));
    }
  }
  return numbers;
}

/** True when `text` holds at least one citation marker. */
export function hasMarkers(text: string): boolean {
  MARKER.lastIndex = 0;
  for (const match of text.matchAll(MARKER)) if (markerNumbers(match[1] ?? '')) return true;
  return false;
}

/** `text` as inline content, its markers turned into citations of keys `keyOf(number)`. */
export function inlineWithMarkers(text: string, keyOf: (n: string) => string): ImportInline[] {
  const out: ImportInline[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const numbers = markerNumbers(match[1] ?? '');
    if (!numbers) continue;
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index), marks: [] });
    for (const n of numbers) out.push({ kind: 'cite', key: keyOf(n) });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last), marks: [] });
  return out;
}
