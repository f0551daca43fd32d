/** Whether the renderer runs on macOS (shared/commands.ts `isMac` on `navigator.platform`). */
import { isMac } from '../../shared/commands';

/** True on macOS, where `Mod` is Cmd. */
export const MAC = typeof navigator !== 'undefined' && isMac(navigator.platform);
