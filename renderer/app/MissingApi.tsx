/**
 * What the page shows when it runs without the preload API (opened in a plain browser): a
 * sentence, not a broken app.
 */
import type { ReactElement } from 'react';

/** The message shown when `window.copydesk` is missing. */
export function MissingApi(): ReactElement {
  return (
    <main className="cd-missing-api">
      <h1>Copydesk</h1>
      <p>This page is Copydesk’s editor. It runs inside the Copydesk app, which gives it access to your drafts; opened on its own it cannot load or save anything.</p>
    </main>
  );
}
