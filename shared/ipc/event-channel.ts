/** The transport channel of events, apart from the call map so that the preload needs no validators. */
import type { EventName } from './channels';

/** The transport channel of an event ("event.menu"…), distinct from every call's channel. */
export function eventChannel(name: EventName): `event.${EventName}` {
  return `event.${name}`;
}
