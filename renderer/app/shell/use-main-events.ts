/**
 * Main process events concern of the shell: the app's own menu commands (under those of the
 * screen showing, menu-commands.ts), the menu event routed to them, drafts the system asks to
 * open, changes of draft files on disk, a draft's lock taken over by someone else, and flush
 * requests before the page goes; then tells the
 * main process the window is ready. Handlers are read through refs, so they are always the
 * latest and the subscriptions are made once.
 */
import { useEffect, useRef } from 'react';
import type { ExternalChange, LockHolder, MenuCommand } from '../../../shared/ipc/channels';
import { api } from '../api';
import type { MenuHandlers, MenuRouter } from '../menu-commands';

/** What the shell does for the main process's events. */
export interface MainEventHandlers {
  /** The app's menu commands (the screen's own take precedence). */
  readonly commands: MenuHandlers;
  readonly openDraft: (name: string) => void;
  readonly externalChange: (change: ExternalChange) => void;
  /** Someone else took over draft `name`, open in this window. */
  readonly lockLost: (name: string, holder: LockHolder) => void;
  readonly flush: (id: number) => void;
}

/** Subscribes to the main process's events for as long as the shell is mounted. */
export function useMainEvents(router: MenuRouter, handlers: MainEventHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const commands = useRef<MenuHandlers>(handlers.commands);
  commands.current = handlers.commands;

  useEffect(() => {
    const unregister = router.register(commands);
    const stops = [
      api().on.menu(({ command }: { command: MenuCommand }) => void router.run(command)),
      api().on.openDraft(({ name }) => latest.current.openDraft(name)),
      api().on.externalChange((change) => latest.current.externalChange(change)),
      api().on.lockLost(({ name, holder }) => latest.current.lockLost(name, holder)),
      api().on.flush(({ id }) => latest.current.flush(id)),
    ];
    void api()
      .window.ready()
      .catch(() => undefined);
    return () => {
      unregister();
      for (const stop of stops) stop();
    };
  }, [router]);
}
