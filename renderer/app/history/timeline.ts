/**
 * The History panel's timeline, pure: the draft's kept versions (`versions.list`) and its changes
 * of status (`meta.statusLog`) in one list, newest first, and the words each entry is read by.
 */
import type { DeskPerson, StatusChange } from '../../../shared/draft/meta';
import type { VersionSummary } from '../../../shared/ipc/channels';
import { checkpointLabelSchema } from '../../../shared/ipc/fields';
import { plural, STATUS_LABELS } from '../status-labels';

/** One entry of the timeline. */
export type TimelineEntry = { readonly kind: 'version'; readonly at: string; readonly version: VersionSummary } | { readonly kind: 'status'; readonly at: string; readonly change: StatusChange };

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * Versions and status changes, newest first. At the same time a status change comes before (above)
 * the version saved with it: a hand-over saves its checkpoint after changing the status.
 */
export function timeline(versions: readonly VersionSummary[], statusLog: readonly StatusChange[] = []): TimelineEntry[] {
  // Both newest first (the status log is kept oldest first), then a stable sort by time.
  const entries: TimelineEntry[] = [
    ...statusLog.map((change): TimelineEntry => ({ kind: 'status', at: change.at, change })).reverse(),
    ...versions.map((version): TimelineEntry => ({ kind: 'version', at: version.createdAt, version })),
  ];
  return entries.sort((a, b) => time(b.at) - time(a.at));
}

/** A person's name, or "Unknown author". */
export function personName(person: DeskPerson | null): string {
  return person?.name ?? 'Unknown author';
}

/** What a version's entry says after its time: "Ann Reporter · 1,234 words · Ready for edit". */
export function versionDetails(version: VersionSummary): string {
  if (version.error !== undefined) return `Cannot be read: ${version.error}`;
  const parts = [personName(version.author), plural(version.words, 'word', 'words')];
  if (version.status !== null) parts.push(STATUS_LABELS[version.status]);
  return parts.join(' · ');
}

/** What a change of status says: "Ann Reporter: Draft → Ready for edit". */
export function statusChangeText(change: StatusChange): string {
  return `${change.by.name}: ${STATUS_LABELS[change.from]} → ${STATUS_LABELS[change.to]}`;
}

/** The name of a version for people: its label, or "Version of <time>". */
export function versionName(version: VersionSummary, when: (iso: string) => string): string {
  return version.label ?? `Version of ${when(version.createdAt)}`;
}

/** Why `text` cannot name a checkpoint (the rule the main process checks: checkpointLabelSchema), or null. */
export function labelProblem(text: string): string | null {
  const result = checkpointLabelSchema.safeParse(text);
  if (result.success) return null;
  const message = result.error.issues[0]?.message ?? 'not a valid name';
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}
