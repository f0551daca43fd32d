/**
 * Bench page entry: a bare ProseMirror view of the same document (the Copydesk schema only: no
 * plugins, no node views; the page loads ProseMirror's required CSS and no containment).
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { parseDraft } from '../../../shared/draft/format';
import { installBench } from './bench-page';

installBench('bare', (mount, text) => new EditorView(mount, { state: EditorState.create({ doc: parseDraft(text).doc }) }));
