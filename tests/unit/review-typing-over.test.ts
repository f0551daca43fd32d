// Typing over a selection in Suggesting mode replaces whole words: the text shared by the old and
// the new word is not split off ("Security" over "Safety" is not "S" kept and "afety" deleted).
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { article, p } from './helpers/build';
import { Suggesting } from './helpers/suggesting';

function marked(doc: EditorState['doc'], name: string): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.isText && node.marks.some((m) => m.type.name === name)) out.push(node.text ?? '');
  });
  return out;
}

function typedOver(text: string, word: string, typed: string, oneStep = false): Suggesting {
  const doc = article({ body: [p(text)] });
  const s = new Suggesting(EditorState.create({ doc }));
  let from = -1;
  s.doc.descendants((node, pos) => {
    if (from < 0 && node.isText && node.text?.includes(word) && node.text !== 'Untitled') from = pos + (node.text.indexOf(word));
  });
  s.select(from, from + word.length);
  if (oneStep) s.type(typed);
  else for (const ch of typed) s.type(ch);
  return s;
}

describe('typing over a selected word', () => {
  it('deletes the whole word and inserts the whole new one, even when they share letters', () => {
    const s = typedOver('Upcoming Safety Assurances', 'Safety', 'Security');
    expect(marked(s.doc, 'deletion')).toEqual(['Safety']);
    expect(marked(s.doc, 'insertion').join('')).toBe('Security');
  });

  it('a text pasted over a selection across words replaces only the words that change', () => {
    const s = typedOver('the old harbour plan', 'old harbour', 'new harbour', true);
    expect(marked(s.doc, 'deletion').join('')).toBe('old');
    expect(marked(s.doc, 'insertion').join('')).toBe('new');
  });
});
