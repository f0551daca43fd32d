/**
 * The app's custom protocol: `copydesk://app/…` serves the built renderer (dist/renderer), with
 * the Content-Security-Policy and the other security headers on every response. Which file a URL
 * names, and the refusal of anything outside the folder (`..`, `%2e%2e`, encoded separators,
 * symbolic links leading out), is decided by protocol-path.ts, which tests run on real folders.
 */
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from '../api/origin';
import { readRegularFile } from '../node/read-regular-file';
import { WORKSPACE_HOST, resolveAppFile, resolveWorkspaceAsset } from './protocol-path';
import { APP_SCHEME_PRIVILEGES, RESPONSE_SECURITY_HEADERS } from './security';

/** The largest file served (the renderer's bundles and the workspace's images are far smaller). */
const SERVED_MAX_BYTES = 64 * 1024 * 1024;

/** Registers the app's scheme as standard and secure. Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/**
 * Serves `rendererDir` on the app's scheme in `session`, and the images of the current workspace
 * (`workspaceFolder()`, null before the services start) on `copydesk://workspace/assets/…`.
 */
export function serveRenderer(session: Session, rendererDir: string, workspaceFolder: () => string | null = () => null): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...RESPONSE_SECURITY_HEADERS } });
    }
    const workspace = workspaceFolder();
    const isAsset = request.url.toLowerCase().startsWith(`${APP_SCHEME}://${WORKSPACE_HOST}/`);
    const found = !isAsset
      ? await resolveAppFile(rendererDir, request.url)
      : workspace === null
        ? ({ ok: false, status: 404, reason: 'no workspace yet' } as const)
        : await resolveWorkspaceAsset(workspace, request.url);
    if (!found.ok) {
      console.warn(`Copydesk: refused ${request.url.slice(0, 200)} (${String(found.status)}: ${found.reason}).`);
      return new Response(null, { status: found.status, headers: { ...RESPONSE_SECURITY_HEADERS } });
    }
    let body: Buffer<ArrayBuffer>;
    try {
      // The resolved real path: no link to follow; a pipe swapped in after the check is refused, never waited on.
      body = await readRegularFile(found.file, { maxBytes: SERVED_MAX_BYTES });
    } catch {
      return new Response(null, { status: 404, headers: { ...RESPONSE_SECURITY_HEADERS } });
    }
    const headers = { ...RESPONSE_SECURITY_HEADERS, 'Content-Type': found.contentType };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  });
}
