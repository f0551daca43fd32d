/**
 * An import's images follow the draft's name: a Word file's images are made under
 * `assets/<assetStem>/…` before the draft has a name (`imported` by default); once the caller
 * knows the draft's file name, `withAssetStem` moves every figure and asset to
 * `assets/<stem>/…`. Pure: the result given is not changed.
 */
import { Transform } from 'prosemirror-transform';
import type { DocxImportResult, ImportedAsset } from './docx/types';

const ASSETS = 'assets/';

/** The stem folder of an asset `src` (`assets/<stem>/<file>` → `<stem>`), or null for another path. */
function stemOf(src: string): string | null {
  if (!src.startsWith(ASSETS)) return null;
  const rest = src.slice(ASSETS.length);
  const slash = rest.indexOf('/');
  return slash > 0 ? rest.slice(0, slash) : null;
}

/** `src` under `assets/<stem>/` when it is under one of the `from` stems; unchanged otherwise. */
function moved(src: string, from: ReadonlySet<string>, stem: string): string {
  const old = stemOf(src);
  return old !== null && from.has(old) ? `${ASSETS}${stem}/${src.slice(ASSETS.length + old.length + 1)}` : src;
}

/**
 * `result` with its assets and the figures pointing at them moved from `assets/<old>/` to
 * `assets/<stem>/` (`stem`: one folder name, no slash). Figures pointing elsewhere (a web
 * address, another folder) are left as they are. Throws RangeError for a stem that is not one
 * folder name.
 */
export function withAssetStem<R extends DocxImportResult>(result: R, stem: string): R {
  if (stem === '' || stem === '.' || stem === '..' || /[/\\]/u.test(stem)) throw new RangeError(`not a folder name for assets: '${stem}'`);
  const from = new Set(result.assets.map((asset) => stemOf(asset.src)).filter((old): old is string => old !== null && old !== stem));
  if (from.size === 0) return result;
  const tr = new Transform(result.draft.doc);
  result.draft.doc.descendants((node, pos) => {
    if (node.type.name === 'figure') {
      const src = node.attrs.src as string;
      const next = moved(src, from, stem);
      if (next !== src) tr.setNodeAttribute(pos, 'src', next);
    }
    return node.isBlock && !node.isTextblock;
  });
  const assets: ImportedAsset[] = result.assets.map((asset) => ({ ...asset, src: moved(asset.src, from, stem) }));
  return { ...result, draft: { ...result.draft, doc: tr.doc }, assets };
}
