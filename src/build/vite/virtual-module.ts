/**
 * One Vite plugin serving one `virtual:*` module: the id resolution, the load and the reload when
 * one of the files it is made from changes (a virtual module has no file of its own to watch), so
 * each plugin only says how the module is made and from which files.
 */
import { normalizePath, type Plugin } from 'vite';
import type { VirtualModuleId } from './module-ids.ts';

type LoadHook = Extract<NonNullable<Plugin['load']>, (...args: never[]) => unknown>;
type LoadContext = ThisParameterType<LoadHook>;

export interface VirtualModuleOptions extends Omit<Plugin, 'name' | 'resolveId' | 'load' | 'hotUpdate'> {
  /** The plugin's name, for Vite's messages. */
  name: string;
  id: VirtualModuleId;
  /** The module's code. */
  load: (this: LoadContext) => string | Promise<string>;
  /** Whether a changed file (an absolute, normalised path) is one the module is made from. */
  madeFrom?: (file: string) => boolean;
}

/** `\0` marks an id no other plugin should touch (Rollup's convention for virtual modules). */
export const resolvedId = (id: VirtualModuleId): string => `\0${id}`;

export function virtualModule({ id, load, madeFrom, ...hooks }: VirtualModuleOptions): Plugin {
  const resolved = resolvedId(id);
  return {
    ...hooks,
    resolveId(source) {
      return source === id ? resolved : undefined;
    },
    load(source) {
      return source === resolved ? load.call(this) : undefined;
    },
    hotUpdate({ file, modules }) {
      if (madeFrom === undefined || !madeFrom(normalizePath(file))) return undefined;
      const module = this.environment.moduleGraph.getModuleById(resolved);
      if (module === undefined) return undefined;
      this.environment.moduleGraph.invalidateModule(module);
      return [...modules, module];
    },
  };
}
