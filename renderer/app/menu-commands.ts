/**
 * Routing of the application menu's commands (api event `menu`) to the screen that is showing:
 * App listens to the event once and calls the handler that the current screen registered with
 * `useMenuCommands`. A command no screen handles does nothing.
 */
import { createContext, useContext, useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/ipc/channels';

/** Handlers of menu commands. */
export type MenuHandlers = Partial<Record<MenuCommand, () => void>>;

/** Where screens register their handlers (a stack: the last registered wins). */
export class MenuRouter {
  private readonly stack: { current: MenuHandlers }[] = [];

  /** Adds a handler set; returns the function that removes it. */
  register(handlers: { current: MenuHandlers }): () => void {
    this.stack.push(handlers);
    return () => {
      const i = this.stack.indexOf(handlers);
      if (i >= 0) this.stack.splice(i, 1);
    };
  }

  /** Runs `command` with the most recently registered handler that knows it; false when none does. */
  run(command: MenuCommand): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const handler = this.stack[i]?.current[command];
      if (handler) {
        handler();
        return true;
      }
    }
    return false;
  }
}

/** The router of the app (provided by App). */
export const MenuRouterContext = createContext<MenuRouter | null>(null);

/** Registers `handlers` for as long as the component is mounted (always calling the latest ones). */
export function useMenuCommands(handlers: MenuHandlers): void {
  const router = useContext(MenuRouterContext);
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => router?.register(ref), [router]);
}
