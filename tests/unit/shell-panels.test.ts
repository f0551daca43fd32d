// The side panels' registry and state (renderer/app/panels/): one entry per panel, names unique,
// the switches in their order with their titles, and a reveal opens the panel it names with a
// request for that panel only, kept while it is closed.
import { describe, expect, it } from 'vitest';
import { checkPanels, panelsReducer, type PanelsState } from '../../renderer/app/panels/panel-state';
import { citationToReturnTo } from '../../renderer/app/panels/source-target';

type Name = 'sources' | 'details' | 'problems' | 'preview';
const closed: PanelsState<Name> = { open: null, requests: {} };

// panels.tsx is JSX, which the tests' tsconfig does not compile (its types are checked with the
// renderer's): Vitest loads it, the test reads it by this shape.
interface Entry {
  readonly name: string;
  readonly title: string;
  readonly component: unknown;
}
const registry = '../../renderer/app/panels/panels.tsx';
const loadPanels = async (): Promise<readonly Entry[]> => ((await import(/* @vite-ignore */ registry)) as { PANELS: readonly Entry[] }).PANELS;

describe('the panel registry', () => {
  it('lists the panels in the order of their switches, with their titles and components', async () => {
    const panels = await loadPanels();
    expect(panels.map((p) => [p.name, p.title])).toEqual([
      ['sources', 'Sources'],
      ['details', 'Details'],
      ['problems', 'Problems'],
      ['preview', 'Preview'],
      ['review', 'Review'],
      ['history', 'History'],
    ]);
    for (const p of panels) expect(typeof p.component).toBe('function');
    expect(() => checkPanels(panels)).not.toThrow();
  });

  it('refuses two panels of one name, and a panel without a name or a title', () => {
    expect(() => checkPanels([{ name: 'sources', title: 'Sources' }, { name: 'review', title: 'Review' }])).not.toThrow();
    expect(() => checkPanels([{ name: 'sources', title: 'Sources' }, { name: 'sources', title: 'Other' }])).toThrow(/Two panels are named "sources"/);
    expect(() => checkPanels([{ name: '', title: 'Nameless' }])).toThrow(/name and a title/);
    expect(() => checkPanels([{ name: 'review', title: ' ' }])).toThrow(/name and a title/);
  });
});

describe('the panels’ state', () => {
  it('toggles a panel open and closed; another panel replaces the open one', () => {
    let s = panelsReducer(closed, { kind: 'toggle', name: 'details' });
    expect(s.open).toBe('details');
    s = panelsReducer(s, { kind: 'toggle', name: 'problems' });
    expect(s.open).toBe('problems');
    s = panelsReducer(s, { kind: 'toggle', name: 'problems' });
    expect(s.open).toBeNull();
    expect(panelsReducer(panelsReducer(closed, { kind: 'show', name: 'preview' }), { kind: 'close' }).open).toBeNull();
  });

  it('a reveal opens the panel it names, with a request for that panel only', () => {
    const s = panelsReducer({ ...closed, open: 'problems' }, { kind: 'reveal', name: 'sources', target: { id: 's1', from: 12 } });
    expect(s.open).toBe('sources');
    expect(s.requests.sources).toEqual({ target: { id: 's1', from: 12 }, seq: 1 });
    expect(s.requests.problems).toBeUndefined();
  });

  it('revealing the same target again is a new request; a closed panel keeps its last one', () => {
    const target = { id: 's1', from: null };
    let s = panelsReducer(closed, { kind: 'reveal', name: 'sources', target });
    s = panelsReducer(s, { kind: 'reveal', name: 'sources', target });
    expect(s.requests.sources?.seq).toBe(2);
    const before = s.requests.sources;
    s = panelsReducer(s, { kind: 'toggle', name: 'details' });
    s = panelsReducer(s, { kind: 'toggle', name: 'sources' });
    expect(s.open).toBe('sources');
    expect(s.requests.sources).toBe(before);
  });

  it('showing the open panel or closing with none open changes nothing', () => {
    const open: PanelsState<Name> = { ...closed, open: 'details' };
    expect(panelsReducer(open, { kind: 'show', name: 'details' })).toBe(open);
    expect(panelsReducer(closed, { kind: 'close' })).toBe(closed);
  });
});

describe('back to the text from the Sources panel', () => {
  const citations = [
    { source: 'a', pos: 10 },
    { source: 'b', pos: 20 },
    { source: 'a', pos: 40 },
    { source: 'a', pos: 90 },
  ];
  it('goes to the citation the reporter came from, else the nearest of that source', () => {
    expect(citationToReturnTo(citations, 'a', 40)).toBe(40);
    expect(citationToReturnTo(citations, 'a', 70)).toBe(90);
    expect(citationToReturnTo(citations, 'a', 24)).toBe(10);
  });
  it('goes to the first citation when the reporter did not come from one, nowhere for an uncited source', () => {
    expect(citationToReturnTo(citations, 'a', null)).toBe(10);
    expect(citationToReturnTo(citations, 'b', null)).toBe(20);
    expect(citationToReturnTo(citations, 'c', null)).toBeNull();
    expect(citationToReturnTo(citations, 'c', 10)).toBeNull();
  });
});
