/**
 * Names, in the built page, the files the live map needs before it can draw: its lazily loaded
 * chunk and every chunk and stylesheet that chunk imports, the map library's worker and the story's
 * data. The page fetches them into the browser's cache once the text is painted and the browser is
 * idle, or at once when the map is wanted (src/app/map/prefetch.ts), so the map never waits on a
 * chain of requests one after another. Fonts are left out: the labels ask for the few they use.
 *
 * The list is a JSON block (`type="application/json"`, never run: fine under a strict CSP).
 */
import { resolve } from 'node:path';
import type { ChunkMetadata, Plugin, Rolldown } from 'vite';
import { MAP_PREFETCH_ID } from '../../shared/map/prefetch-list.ts';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk & { viteMetadata?: ChunkMetadata };

/** What a chunk needs with it: its static imports (transitively), their stylesheets and assets. */
export function filesOfChunk(bundle: OutputBundle, entry: OutputChunk): string[] {
  const files = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    const meta = chunk.viteMetadata;
    for (const css of meta?.importedCss ?? []) files.add(css);
    for (const asset of meta?.importedAssets ?? []) files.add(asset);
    for (const name of chunk.imports) {
      const imported = bundle[name];
      if (imported?.type === 'chunk') visit(imported);
    }
  };
  visit(entry);
  return [...files].filter((file) => !/\.(woff2?|ttf|otf)$/.test(file)).sort();
}

/** The JSON block for the page, with each file relative to it (the build's base is `./`). */
export function prefetchBlock(files: readonly string[]): string {
  const json = JSON.stringify(files.map((file) => `./${file}`)).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${MAP_PREFETCH_ID}">${json}</script>`;
}

export function mapPrefetchPlugin({ mapModule }: { mapModule: string }): Plugin {
  const moduleId = resolve(mapModule);
  return {
    name: 'map-prefetch',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const entry = Object.values(bundle).find(
          (item): item is OutputChunk => item.type === 'chunk' && item.facadeModuleId === moduleId,
        );
        if (!entry) this.error(`map-prefetch: no chunk for ${mapModule} in the build`);
        return html.replace('</head>', `${prefetchBlock(filesOfChunk(bundle, entry))}\n</head>`);
      },
    },
  };
}
