/**
 * A module loaded on first use (a dynamic `import()`), shared by everyone who asks for it: the
 * first `load()` starts the download, later ones get the same promise, and `current` is the module
 * once it has arrived, for code that must run synchronously (ProseMirror's paste hooks). A load
 * that fails (a chunk that could not be fetched) is forgotten, so the next `load()` tries again.
 */
export interface LazyModule<T> {
  /** The module, loading it first when needed. */
  load(): Promise<T>;
  /** The module when loaded, or null. */
  readonly current: T | null;
}

/** A `LazyModule` over `importer` (a function calling `import()`). */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | null = null;
  let loaded: T | null = null;
  return {
    load() {
      loading ??= importer().then(
        (module) => {
          loaded = module;
          return module;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    get current() {
      return loaded;
    },
  };
}

