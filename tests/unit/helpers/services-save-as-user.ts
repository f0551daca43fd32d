/**
 * Child process for services-disk-errors.test.ts, run under another user id (root, whom
 * permission bits do not stop, cannot provoke EACCES itself). It opens a draft in a workspace
 * folder it may read but not write, tries to save, create and journal, and prints one JSON line
 * with what each returned or threw.
 *
 *     node --import tsx services-save-as-user.ts <userData> <documents> <workspace> <name>
 */
import { draftToJson, parseDraft } from '../../../shared/draft/format';
import { createAppServices } from '../../../electron/services/app-services';
import { checkDraftText } from '../../../shared/ipc/checked-draft';

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { returned: await run() };
  } catch (error) {
    return { threw: { code: (error as { code?: unknown }).code, message: (error as Error).message } };
  }
}

async function main(): Promise<void> {
  const [userData, documents, workspace, name] = process.argv.slice(2);
  if (!userData || !documents || !workspace || !name) throw new Error('usage: services-save-as-user <userData> <documents> <workspace> <name>');
  const services = await createAppServices({ userDataDir: userData, documentsDir: documents, trash: () => Promise.reject(new Error('no trash here')) });
  await services.settings.setWorkspace(workspace);
  const opened = await services.drafts.open(name);
  const changed = parseDraft(opened.draft);
  const edited = checkDraftText(JSON.stringify(draftToJson({ ...changed, meta: { ...changed.meta, section: 'Politics' } })));
  const report = {
    uid: process.getuid?.(),
    save: await outcome(() => services.drafts.save(name, edited, opened.hash)),
    create: await outcome(() => services.drafts.create()),
    journal: await outcome(() => services.recovery.record('k', { name, draft: edited })),
  };
  await services.dispose();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
