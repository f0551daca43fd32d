/**
 * The compare engine: `compareDocs` (two versions of an article as one document with the changes
 * marked, and the list of changes) and `mergeTheirs` (someone else's version as suggestions over
 * the current text). types.ts holds the shapes they give.
 */
export { compareDocs, countSuggestions, NEWER_VERSION, type CompareOptions } from './compare';
export { mergeTheirs, type MergeInput } from './merge';
export type { CoarseBlock, CompareChange, CompareChangeKind, Comparison } from './types';
