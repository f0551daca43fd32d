/**
 * Where the renderer comes from: the app's own custom scheme, one host. The protocol handler
 * serves the renderer there, the window loads it there, and the IPC sender check accepts only it
 * (plus, in development only, Vite's dev server).
 */

/** The custom scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'copydesk';

/** The one host of the app's scheme: the renderer lives at `copydesk://app/index.html`. */
export const APP_HOST = 'app';

/** The origin of the renderer. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL of the renderer's page. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
