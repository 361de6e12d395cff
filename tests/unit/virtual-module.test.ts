/** The one helper every `virtual:*` plugin is made with: resolution, load, and reload on its inputs. */
import { describe, expect, it } from 'vitest';
import { resolvedId, virtualModule } from '../../src/build/vite/virtual-module.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (value: unknown): Hook => value as Hook;

const plugin = virtualModule({
  name: 'test',
  id: 'virtual:story',
  load: () => 'export default 1;',
  madeFrom: (file) => file === '/project/story/a/story.md',
});

describe('virtualModule', () => {
  it('resolves and loads its own id only', () => {
    expect(hook(plugin.resolveId).call(plugin, 'virtual:story')).toBe('\0virtual:story');
    expect(hook(plugin.resolveId).call(plugin, 'virtual:other')).toBeUndefined();
    expect(hook(plugin.load).call({}, resolvedId('virtual:story'))).toBe('export default 1;');
    expect(hook(plugin.load).call({}, 'virtual:story')).toBeUndefined();
  });

  it('reloads the module when a file it is made from changes, and only then', () => {
    const invalidated: unknown[] = [];
    const module = { id: '\0virtual:story' };
    const context = {
      environment: {
        moduleGraph: {
          getModuleById: (id: string) => (id === module.id ? module : undefined),
          invalidateModule: (m: unknown) => invalidated.push(m),
        },
      },
    };
    const other = { id: '/project/src/app.ts' };
    expect(hook(plugin.hotUpdate).call(context, { file: '/project/story/a/story.md', modules: [other] })).toEqual([
      other,
      module,
    ]);
    expect(invalidated).toEqual([module]);
    expect(hook(plugin.hotUpdate).call(context, { file: '/project/story/b/story.md', modules: [] })).toBeUndefined();
    expect(invalidated).toHaveLength(1);
  });
});
