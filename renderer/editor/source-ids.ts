/** DOM ids the editor gives its elements, so that links and the shell can reach them. */

/** The DOM id of a source's entry in the canvas (citations link to it; the shell may scroll to it). */
export function sourceElementId(id: string): string {
  return `cd-source-${id}`;
}
