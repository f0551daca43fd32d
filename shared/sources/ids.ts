/**
 * Source ids: short, readable, unique within a document. New sources get an id made from their
 * title ("Ministry of Health report" → `ministry-of-health-report`), and a clash gets a numbered
 * suffix (`…-2`, `…-3`). Used when a reporter creates a source, and when a paste or an import
 * brings a source whose id the target document already uses for another source.
 */
import { SOURCE_ID } from '../schema';

/** Longest id this module makes (the schema allows 64; room is left for a suffix). */
const MAX_BASE = 48;

/** Turns a title into the base of an id: lower-case ASCII letters and digits joined by `-`. */
export function idBaseFromTitle(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, MAX_BASE)
    .replace(/-+$/u, '');
  return base === '' ? 'source' : base;
}

/**
 * The first of `base`, `base-2`, `base-3`… that `taken` does not hold. `base` is cut and cleaned
 * so that the result is always a valid source id.
 */
export function uniqueSourceId(base: string, taken: (id: string) => boolean): string {
  let clean = base.replace(/[^A-Za-z0-9_-]+/gu, '-').slice(0, MAX_BASE);
  if (!SOURCE_ID.test(clean)) clean = 'source';
  if (!taken(clean)) return clean;
  for (let n = 2; ; n++) {
    const id = `${clean}-${String(n)}`;
    if (!taken(id)) return id;
  }
}

/** A fresh id for a new source titled `title`. */
export function sourceIdFromTitle(title: string, taken: (id: string) => boolean): string {
  return uniqueSourceId(idBaseFromTitle(title), taken);
}
