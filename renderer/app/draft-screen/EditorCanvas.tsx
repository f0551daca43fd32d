/**
 * The article canvas: mounts the ProseMirror editor (renderer/editor) for the open draft and
 * passes it the shell's hooks (link dialog, citation picker, going to a source, figure images).
 * The hooks are read through a ref, so the editor is created once per draft, not per render.
 */
import { useLayoutEffect, useRef, type MouseEvent, type ReactElement } from 'react';
import { createEditorView } from '../../editor/create-editor';
import type { EditorHooks } from '../../editor/hooks';
import { cursorAtTextEnd } from '../../editor/text-end';
import { setFocusRestorer } from '../dialogs/Dialog';
import type { EditorStore } from '../session/editor-store';
import { api, hasApi } from '../api';
import { resolveImage } from './asset-url';
import { watchMissingAssets } from './missing-assets';

/** Properties of `EditorCanvas`. */
export interface EditorCanvasProps {
  readonly store: EditorStore;
  readonly hooks: EditorHooks;
}

/** The editor's mount point inside the article region. */
export function EditorCanvas({ store, hooks }: EditorCanvasProps): ReactElement {
  const mount = useRef<HTMLDivElement>(null);
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;

  // Before the first paint of the draft screen, so that it never paints a frame without the text.
  useLayoutEffect(() => {
    const element = mount.current;
    if (!element) return;
    let assets: ReturnType<typeof watchMissingAssets> | null = null;
    const view = createEditorView(element, store.getState(), {
      label: 'Article text',
      onChange: store.onTransaction,
      onLinkRequest: (v) => hooksRef.current.onLinkRequest?.(v),
      onCiteRequest: (v) => hooksRef.current.onCiteRequest?.(v),
      onActivateCitation: (id, pos, v) => hooksRef.current.onActivateCitation?.(id, pos, v),
      onCitationFocus: (id, v) => hooksRef.current.onCitationFocus?.(id, v),
      onActivateSource: (id, v) => hooksRef.current.onActivateSource?.(id, v),
      onBylineRequest: (v) => hooksRef.current.onBylineRequest?.(v),
      onModeRefusal: (message, v) => hooksRef.current.onModeRefusal?.(message, v),
      onNotice: (message, v) => hooksRef.current.onNotice?.(message, v),
      onCommentRequest: (v) => hooksRef.current.onCommentRequest?.(v),
      onReviewCardRequest: (id, v) => hooksRef.current.onReviewCardRequest?.(id, v),
      resolveImage,
      onImageStatus: () => assets?.recheck(),
    });
    store.attach(view);
    // Which figures' files are missing (problems of the draft): only the main process can tell.
    if (hasApi()) assets = watchMissingAssets(store, async (srcs) => (await api().assets.check({ srcs })).missing);
    setFocusRestorer(view.dom, () => view.focus());
    // Ready to write: the cursor starts in the headline.
    view.focus();
    return () => {
      assets?.stop();
      setFocusRestorer(view.dom, null);
      store.attach(null);
      view.destroy();
    };
  }, [store]);

  // A click on the page below the text puts the cursor at the end of the body (not in the
  // read-only sources list, where typing would go nowhere).
  const onMouseDown = (event: MouseEvent<HTMLDivElement>): void => {
    const view = store.view;
    if (!view || event.target !== event.currentTarget || event.button !== 0) return;
    event.preventDefault();
    cursorAtTextEnd(view.state, view.dispatch);
    view.focus();
  };

  return <div ref={mount} className="cd-editor-frame cd-canvas" onMouseDown={onMouseDown} />;
}
