import { type ComponentType, createContext, lazy, useContext, useEffect } from 'react';

export type Preload = () => Promise<unknown>;

const preloads = new Map<string, Preload>();

/**
 * The keys of the lazy modules a render used. The server collects them while it renders a page, and the browser
 * loads them before it hydrates that page (decisions/0011).
 */
export const RenderedModules = createContext<Set<string> | null>(null);

/**
 * Told the key of each lazy module once it is on the page in the browser: hydrated, for a page the server rendered.
 * React hydrates the parts inside a Suspense boundary after the rest (at a lower priority), so the root's own commit
 * does not mean the page's modules have been taken over yet.
 */
export const HydratedModules = createContext<((key: string) => void) | null>(null);

/**
 * A component whose code is a chunk of its own, loaded when first rendered or when preloaded. Once loaded it renders
 * at once, without suspending: a page the server rendered hydrates in one pass when its modules were preloaded,
 * instead of leaving each part to hydrate whenever its chunk arrives.
 *
 * `key` is the module's source file under src/web without its extension (`features/plans/plan-page`): the server
 * finds the module's chunks by it in the build's manifest and has the browser fetch them with the page.
 */
export function lazyModule<P extends object>(key: string, load: () => Promise<ComponentType<P>>) {
  let Loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => {
        Loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per module when it is imported, as React.lazy is.
  function LazyModule(props: P) {
    useContext(RenderedModules)?.add(key);
    const hydrated = useContext(HydratedModules);
    useEffect(() => hydrated?.(key), [hydrated]);
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  preloads.set(key, preload);
  return Object.assign(LazyModule, { preload: preload as Preload });
}

/** Loads the modules of these keys that are known by now (a page's module knows its sections). */
export function preloadModules(keys: readonly string[]): Promise<void> {
  return Promise.all(
    keys.map((key) =>
      preloads
        .get(key)?.()
        .catch(() => undefined),
    ),
  ).then(() => undefined);
}
