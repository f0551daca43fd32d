/**
 * Child process of the kill test (kill-during-save.test.ts): saves a draft file again and again,
 * alternating between two versions, through the services' real save path (`saveBytes`: conflict
 * check, then `writeFileAtomic`), until it is killed.
 *
 *     node --import tsx save-loop-child.ts <target> <version-a file> <version-b file>
 *
 * It prints "ready <pid>" once both versions are in memory and the loop starts, and "saved <n>"
 * lines as it goes. Each save passes the hash of what it wrote last as `baseHash`, so a file that
 * was not byte-for-byte the previous version would stop the loop with a conflict (exit code 2).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hashOnDisk, saveBytes } from '../../../electron/services/save-file';

const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

async function main(): Promise<void> {
  const [target, fileA, fileB] = process.argv.slice(2);
  if (!target || !fileA || !fileB) throw new Error('usage: save-loop-child <target> <a> <b>');
  const versions = [await fs.readFile(fileA), await fs.readFile(fileB)];
  const hashes = versions.map((v) => sha256Hex(v));
  let base = await hashOnDisk(target);
  let next = base === hashes[0] ? 1 : 0;
  process.stdout.write(`ready ${String(process.pid)}\n`);
  for (let n = 1; ; n++) {
    const bytes = versions[next] as Buffer;
    const hash = hashes[next] as string;
    const result = await saveBytes(target, bytes, hash, { baseHash: base, subject: 'big.copydesk' });
    if (!result.ok) {
      process.stdout.write(`failed ${JSON.stringify(result)}\n`);
      process.exit(2);
    }
    base = hash;
    next = 1 - next;
    process.stdout.write(`saved ${String(n)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
