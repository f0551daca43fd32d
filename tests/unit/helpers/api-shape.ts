/**
 * The names of the API's groups and of each group's methods, derived from the channel map (the
 * calls declared in `CALLS`, plus `on` with every event): what `window.copydesk` must hold, and
 * nothing else. Tests only (the unit, e2e and Electron suites compare the real object with it).
 */
import { EVENT_NAMES, INVOKE_CHANNELS } from '../../../shared/ipc/channels';

/** Group → method names (`on` → event names). */
export function apiShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [group = '', method = ''] = channel.split('.');
    (shape[group] ??= []).push(method);
  }
  shape.on = [...EVENT_NAMES];
  return shape;
}
