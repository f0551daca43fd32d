/**
 * The first pass of the paste sanitiser (renderer/editor/html-preclean.ts `preClean`): parse5
 * drops what a browser parser would check against the CSP (event handlers, inline styles) or
 * must never see (code, embeds, unsafe links), before any DOM exists.
 */
import { describe, expect, it } from 'vitest';
import { preClean } from '../../renderer/editor/html-preclean';

describe('preClean', () => {
  it('drops event handlers, styles, data-pm-slice and code, keeps structure and safe links', () => {
    const out = preClean(
      '<meta charset="utf-8"><p onclick="x()" style="margin:0" data-pm-slice="1 1 []">Hi <a href="https://example.org/" onmouseover="y()">ok</a> ' +
        '<a href="javascript:alert(1)">bad</a><img src=x onerror="z()"></p><script>evil()</script><style>p{}</style><svg onload="w()"></svg><!-- note --><h2 ONCLICK="v()">Head</h2>',
    );
    expect(out).toBe('<p>Hi <a href="https://example.org/">ok</a> <a>bad</a></p><h2>Head</h2>');
  });

  it('turns italic and bold styles into em and strong, and unwraps Google Docs’ false bold', () => {
    expect(preClean('<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-style:italic">it</span> <span style="font-weight:700">bo</span></p></b>')).toBe(
      '<p><span><em>it</em></span> <span><strong>bo</strong></span></p>',
    );
  });

  it('gives nothing for nothing, and text for text', () => {
    expect(preClean('')).toBe('');
    expect(preClean('plain &amp; simple')).toBe('plain &amp; simple');
  });
});
