/**
 * Authors concern of the draft screen: the byline under the headline follows the draft's
 * authors (a decoration: they are metadata, not text), and `editAuthors` asks for them (from the
 * app bar's byline button or the byline in the canvas).
 */
import { useCallback, useEffect } from 'react';
import { bylineText } from '../../../shared/byline';
import { setByline } from '../../editor/byline';
import { useAsk } from '../dialogs/dialog-host';
import { authorsProblem, splitList } from '../panels/MetadataPanel';
import type { DocumentSession } from '../session/document-session';

/** Keeps the byline in step with `authors`; returns the function that edits them. */
export function useAuthors(session: DocumentSession, authors: readonly string[]): () => Promise<void> {
  const ask = useAsk();
  const { store } = session;
  useEffect(() => {
    store.run(setByline(bylineText(authors)), false);
  }, [store, authors]);

  return useCallback(async () => {
    await ask.prompt({
      title: 'Authors',
      label: 'Authors, separated by commas',
      initial: session.meta.get().authors.join(', '),
      submit: 'Save',
      check: authorsProblem,
      apply: (text) => {
        session.setMeta({ authors: splitList(text) });
        return Promise.resolve(null);
      },
    });
  }, [ask, session]);
}
