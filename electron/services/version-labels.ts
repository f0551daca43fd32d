/**
 * The names of a draft's checkpoints: a small sidecar (`labels.json`) in the draft's versions
 * folder, beside the immutable snapshot files, mapping a snapshot's id to its name ("Filed").
 * Written atomically; removed when it names nothing. A snapshot named there is a checkpoint
 * (versions.ts keeps it when time-spaced snapshots are pruned).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { checkpointLabelSchema, versionIdSchema } from '../../shared/ipc/fields';
import { writeFileAtomic } from '../node/atomic-write';
import { readRegularFile } from '../node/read-regular-file';
import { errorCode } from './errors';

/** The sidecar's file name inside a versions folder. */
export const LABELS_FILE = 'labels.json';

const labelsSchema = z.strictObject({
  format: z.literal('copydesk-version-labels'),
  version: z.literal(1),
  labels: z.record(versionIdSchema, checkpointLabelSchema),
});

/** Snapshot id → checkpoint name. */
export type Labels = Map<string, string>;

/**
 * The checkpoint names of the versions folder `dir` (empty when it has none). Throws when the
 * sidecar exists but cannot be read or is not one: the caller must then not treat the folder's
 * snapshots as unnamed (pruning would remove checkpoints).
 */
export async function readLabels(dir: string): Promise<Labels> {
  let text: string;
  try {
    text = (await readRegularFile(path.join(dir, LABELS_FILE), { maxBytes: 1024 * 1024 })).toString('utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return new Map();
    throw error;
  }
  return new Map(Object.entries(labelsSchema.parse(JSON.parse(text)).labels));
}

/** Writes the checkpoint names of `dir` (atomically), or removes the sidecar when there are none. */
export async function writeLabels(dir: string, labels: Labels): Promise<void> {
  const file = path.join(dir, LABELS_FILE);
  if (labels.size === 0) {
    await fs.unlink(file).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
    });
    return;
  }
  const sorted = Object.fromEntries([...labels].sort(([a], [b]) => a.localeCompare(b)));
  await writeFileAtomic(file, `${JSON.stringify({ format: 'copydesk-version-labels', version: 1, labels: sorted }, null, 2)}\n`, { skipDirSync: true });
}
