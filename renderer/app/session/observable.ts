/**
 * A value that can be watched: the small state containers of the shell (save state, draft
 * metadata, the open draft's name) are `Observable`s, read by React through `useObservable`
 * (`useSyncExternalStore`), so each concern keeps its own state without a central store.
 */
import { useSyncExternalStore } from 'react';

/** A listener of an `Observable`. */
export type Listener = () => void;

/** A value with change notification. Setting an identical value notifies no one. */
export class Observable<T> {
  private readonly listeners = new Set<Listener>();

  constructor(private value: T) {}

  /** The current value. */
  readonly get = (): T => this.value;

  /** Replaces the value and notifies the listeners (unless it is the same value). */
  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }

  /** Calls `listener` after each change; returns the function that stops it. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

/** The current value of `observable`, re-rendering the component when it changes. */
export function useObservable<T>(observable: Observable<T>): T {
  return useSyncExternalStore(observable.subscribe, observable.get, observable.get);
}
