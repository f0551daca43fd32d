/**
 * Pretty-printed JSON with a stable key order, so that drafts diff well in version control.
 *
 * Known keys come first in a fixed, readable order (`type` before `attrs` before `content`);
 * any other keys follow in alphabetical order. Arrays keep their order.
 */

const PREFERRED = [
  'format', 'version', 'meta', 'doc',
  'slug', 'section', 'tags', 'authors', 'status', 'created', 'updated', 'savedBy', 'statusLog',
  'type', 'attrs', 'marks', 'text', 'content',
];
const RANK = new Map(PREFERRED.map((key, i) => [key, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? PREFERRED.length;
  const rb = RANK.get(b) ?? PREFERRED.length;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = reorder(v);
    }
    return out;
  }
  return value;
}

/** Serialises `value` as two-space-indented JSON with stable key order and a final newline. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(reorder(value), null, 2)}\n`;
}
