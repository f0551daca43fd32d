/**
 * Commands that nest (indent a list item, wrap in a list or a quote) stop where a draft file could
 * no longer hold the result (shared/draft/json-check.ts MAX_DEPTH): they change nothing and answer
 * false, and what they did allow saves and loads again.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sinkListItem } from 'prosemirror-schema-list';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { schema } from '../../shared/schema';
import { sinkItem, toggleBlockquote, toggleList } from '../../renderer/editor/commands';
import { createEditorState } from '../../renderer/editor/create-editor';
import { draftOf } from './helpers/build';

const item = (text: string, ...rest: PMNode[]): PMNode => schema.node('list_item', null, [schema.node('paragraph', null, text ? [schema.text(text)] : []), ...rest]);

// Bullet lists nested `levels` deep whose innermost list holds "deep" and then "next".
function nested(levels: number): PMNode {
  let list = schema.node('bullet_list', null, [item('deep'), item('next')]);
  for (let i = 1; i < levels; i++) list = schema.node('bullet_list', null, [item('', list)]);
  return schema.node('doc', null, [schema.node('headline', null, [schema.text('Deep')]), schema.node('standfirst'), list, schema.node('sources')]);
}

// The editor with the cursor in "next".
function atNext(levels: number): EditorState {
  const state = createEditorState(nested(levels));
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (node.isText && node.text === 'next') at = pos + 1;
    return at < 0;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
}

function attempt(state: EditorState, command: Command): { ran: boolean; state: EditorState } {
  let next = state;
  const ran = command(state, (tr) => { next = state.apply(tr); });
  return { ran, state: next };
}

const saves = (doc: PMNode): boolean => {
  try {
    return parseDraft(serializeDraft(draftOf(doc))).doc.eq(doc);
  } catch {
    return false;
  }
};

describe('nesting commands stop at the depth a draft file holds', () => {
  // The deepest nesting whose indented "next" still saves: found with ProseMirror's own command
  // (unguarded), not assumed.
  const plainSink = sinkListItem(schema.nodes.list_item!);
  let deepest = 1;
  while (saves(attempt(atNext(deepest + 1), plainSink).state.doc)) deepest++;

  it('indents as long as the result saves, then refuses and changes nothing', () => {
    expect(deepest).toBeGreaterThan(50);
    const allowed = attempt(atNext(deepest), sinkItem);
    expect(allowed.ran).toBe(true);
    expect(saves(allowed.state.doc)).toBe(true);

    const before = atNext(deepest + 1);
    expect(saves(before.doc)).toBe(true);
    const refused = attempt(before, sinkItem);
    expect(refused.ran).toBe(false);
    expect(refused.state.doc.eq(before.doc)).toBe(true);
  });

  it('wrapping in a quote or a list at the limit is refused the same way', () => {
    const limit = atNext(deepest + 1);
    for (const command of [toggleBlockquote, toggleList('ordered_list')]) {
      const result = attempt(limit, command);
      if (result.ran) expect(saves(result.state.doc)).toBe(true);
      else expect(result.state.doc.eq(limit.doc)).toBe(true);
    }
    // Far from the limit the commands still work.
    const shallow = atNext(3);
    expect(attempt(shallow, toggleList('ordered_list')).ran).toBe(true);
    expect(attempt(shallow, sinkItem).ran).toBe(true);
  });
});
