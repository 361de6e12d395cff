/**
 * What the prerendered page's script carries at startup: its static import graph reaches neither
 * the story's text (`virtual:story`) nor the components that render the article; the map states
 * it reads instead come without text; and App.svelte stays a composition.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_DATA_ID, pageDataOf, pageDataScript } from '../../src/shared/story/page-data.ts';
import type { Story } from '../../src/shared/story/types.ts';

const root = resolve(import.meta.dirname, '../..');

/** The modules `file` imports statically (not `import type`, not `import()`): paths or bare ids. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*import\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    const spec = match[1]!;
    found.push(spec.startsWith('.') ? resolve(dirname(file), spec) : spec);
  }
  return found;
}

/** Every module reachable from `entry` through static imports of the project's own files. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (id.startsWith(root) && /\.(ts|svelte)$/.test(id)) for (const next of staticImports(id)) visit(next);
  };
  visit(entry);
  return seen;
}

describe('the page’s startup script', () => {
  const closure = staticClosure(resolve(root, 'src/entries/main.ts'));
  const relative = [...closure].map((id) => id.replace(`${root}/`, ''));

  it('is found by the walk (a check of the check)', () => {
    expect(relative).toContain('src/app/page/adopt-page.svelte.ts');
    expect(relative).toContain('src/app/page/MapPane.svelte');
    expect(relative).toContain('src/app/page/reader.svelte.ts');
  });

  it('does not carry the story’s text or the components that render the article', () => {
    expect(relative).not.toContain('virtual:story');
    for (const component of [
      'src/app/App.svelte',
      'src/app/page/StepList.svelte',
      'src/app/page/Intro.svelte',
      'src/app/story/About.svelte',
      'src/app/story/Legend.svelte',
    ]) {
      expect(relative, component).not.toContain(component);
    }
  });

  it('nor the live map, the map library, present mode or the speaker view', () => {
    expect(
      relative.filter((id) =>
        /maplibre-gl$|StoryMap|create-map|src\/shared\/map\/(state|style)|src\/app\/present\//.test(id),
      ),
    ).toEqual([]);
  });
});

describe('the page data', () => {
  const story: Story = {
    meta: {
      slug: 'a-story',
      embedElement: 'a-story',
      title: 'A title </script><script>alert(1)</script>',
      dek: 'Dek',
      publication: 'Pub',
      date: '2016',
      credits: [],
      defaults: { names: 'en', padding: 40, maxZoom: 9 },
    },
    steps: [
      {
        id: 'one',
        index: 0,
        line: 3,
        html: '<p>Secret text</p>',
        plain: 'Secret text',
        alt: 'Alt words',
        camera: { kind: 'center', center: [145, 44], zoom: 5, bearing: 0, pitch: 0 },
        layers: [],
        muted: [],
        highlight: ['x'],
        cite: ['a source'],
        notes: 'Speaker notes',
      },
    ],
    registry: { datasets: [], layers: [] },
  };

  it('has the steps’ map states and no text', () => {
    const data = pageDataOf(story);
    expect(data).toEqual({
      title: story.meta.title,
      names: 'en',
      steps: [{ id: 'one', index: 0, camera: story.steps[0]!.camera, layers: [], muted: [], highlight: ['x'] }],
      embedElement: 'a-story',
      registry: story.registry,
    });
    expect(JSON.stringify(data)).not.toMatch(/Secret text|Alt words|Speaker notes|a source/);
  });

  it('is a JSON block no text can break out of, that parses back', () => {
    const script = pageDataScript(pageDataOf(story));
    expect(script.startsWith(`<script type="application/json" id="${PAGE_DATA_ID}">`)).toBe(true);
    const json = script.slice(script.indexOf('>') + 1, -'</script>'.length);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(pageDataOf(story));
  });
});

describe('App.svelte', () => {
  it('is a composition of at most 150 lines', () => {
    expect(readFileSync(resolve(root, 'src/app/App.svelte'), 'utf8').split('\n').length).toBeLessThanOrEqual(150);
  });
});
