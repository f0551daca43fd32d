/**
 * The user's preferences that belong to this machine, not to a draft: the headline length limit,
 * the typographic input rules and rendering the whole article at once. Kept in localStorage (a bad or missing value falls back to the
 * default), each as an `Observable` that components read with `useObservable`.
 */
import { Observable } from './session/observable';

/** A preference stored under `key`, checked by `parse` when read back. */
class Preference<T> extends Observable<T> {
  constructor(
    private readonly key: string,
    fallback: T,
    parse: (stored: unknown) => T | null,
  ) {
    super(readStored(key, fallback, parse));
  }

  /** Sets and stores the value. */
  override set(value: T): void {
    super.set(value);
    try {
      localStorage.setItem(this.key, JSON.stringify(value));
    } catch {
      // Storage full or unavailable: the value still holds for this session.
    }
  }
}

function readStored<T>(key: string, fallback: T, parse: (stored: unknown) => T | null): T {
  try {
    const text = localStorage.getItem(key);
    if (text === null) return fallback;
    return parse(JSON.parse(text)) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Shortest and longest headline limit the user may set. */
export const HEADLINE_LIMIT_RANGE = { min: 10, max: 300 } as const;

/** Default headline limit, in characters (a common web headline budget). */
export const DEFAULT_HEADLINE_LIMIT = 70;

/** Whether `n` is an acceptable headline limit. */
export function isHeadlineLimit(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= HEADLINE_LIMIT_RANGE.min && n <= HEADLINE_LIMIT_RANGE.max;
}

/** The headline length limit, in characters. */
export const headlineLimit = new Preference<number>('copydesk.headlineLimit', DEFAULT_HEADLINE_LIMIT, (v) => (isHeadlineLimit(v) ? v : null));

/** Typographic quotes and dashes as one types. */
export const typography = new Preference<boolean>('copydesk.typography', true, (v) => (typeof v === 'boolean' ? v : null));

/**
 * Render every block of the article at once (`cd-render-all`, renderer/editor/editor.css), as when
 * assistive technology is on, for a screen reader the system does not report: the whole text is in
 * the accessibility tree, at the cost of memory and of opening very long articles more slowly. Off by default.
 */
export const renderWholeArticle = new Preference<boolean>('copydesk.renderWholeArticle', false, (v) => (typeof v === 'boolean' ? v : null));
