/**
 * Build plumbing for the two ways a news site embeds the story.
 *
 * - `embed.js` (the story's custom element, an ES module entry of the client build): Vite puts
 *   CSS into files, links an entry's CSS only from HTML and injects lazily loaded chunks' CSS into
 *   `document.head`, none of which styles a shadow root. After bundling, this plugin writes into
 *   embed.js the list of every stylesheet reachable from it (paths relative to embed.js), which
 *   the element links inside its shadow root.
 * - `embed-frame.js` (the host page's iframe script): built on its own as a classic IIFE script
 *   with pym.js inside, so it shares no chunk with the app and needs no `type="module"`.
 *
 * pym.js scans the page for `[data-pym-src]` elements the moment it loads; our copies must not
 * take over a host page's own pym embeds, so that call is removed from the bundled file.
 */
import { dirname, posix, relative, resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import type { FrameStory } from '../../shared/embed/frame-story.ts';
import { formatErrors } from '../../shared/story/errors.ts';
import type { StoryFolder } from '../story/folders.ts';
import { loadStoryFolder } from '../story/story-folder.ts';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** What embed.ts holds until the build writes the stylesheet list in its place. */
export const EMBED_CSS_PLACEHOLDER = '__STORY_EMBED_CSS__';
export const ELEMENT_FILE = 'embed.js';
export const FRAME_FILE = 'embed-frame.js';

const PYM_FILE = /[\\/]pym\.js[\\/]dist[\\/]pym\.v1\.js$/;
const PYM_AUTO_INIT = /\blib\.autoInit\(true\);/;

/** pym.v1.js without its scan of the page at load time. */
export function withoutPymAutoInit(code: string): string {
  if (!PYM_AUTO_INIT.test(code)) throw new Error('pym.js no longer calls lib.autoInit(true) where expected');
  return code.replace(PYM_AUTO_INIT, '');
}

/**
 * Every CSS file the chunk `entry` may need, in cascade order: the CSS of its static imports
 * (dependencies first), then that of chunks it loads later, each with their own static imports.
 */
export function cssReachableFrom(bundle: OutputBundle, entry: string): string[] {
  const css: string[] = [];
  const seen = new Set<string>();
  const later: string[] = [];
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = bundle[fileName];
    if (chunk?.type !== 'chunk') return;
    for (const imported of chunk.imports) visit(imported);
    for (const file of chunk.viteMetadata?.importedCss ?? []) if (!css.includes(file)) css.push(file);
    later.push(...chunk.dynamicImports);
  };
  visit(entry);
  while (later.length > 0) visit(later.shift()!);
  return css;
}

/** `code` with the placeholder string (in any quotes the minifier chose) replaced by `hrefs` as a JSON array. */
export function fillCssPlaceholder(code: string, hrefs: readonly string[]): string {
  const pattern = new RegExp(`(["'\`])${EMBED_CSS_PLACEHOLDER}\\1`, 'g');
  const found = code.match(pattern)?.length ?? 0;
  if (found !== 1)
    throw new Error(
      `expected the ${EMBED_CSS_PLACEHOLDER} placeholder once in ${ELEMENT_FILE}, found it ${found} times`,
    );
  return code.replace(pattern, () => JSON.stringify(hrefs));
}

/**
 * Builds the host page script on its own: one self-contained classic script, with the story's
 * element name and title written in (`__FRAME_STORY__`, src/entries/embed-frame.ts).
 */
async function buildFrameScript(root: string, entry: string, story: FrameStory): Promise<string> {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [pymWithoutAutoInit()],
    define: { __FRAME_STORY__: JSON.stringify({ element: story.element, title: story.title }) },
    build: {
      write: false,
      // Plain enough for any browser a news reader may bring.
      target: 'es2017',
      minify: true,
      copyPublicDir: false,
      emptyOutDir: false,
      reportCompressedSize: false,
      lib: { entry, formats: ['iife'], name: 'StoryEmbedFrame', fileName: () => FRAME_FILE },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const result of outputs) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((item): item is OutputChunk => item.type === 'chunk' && item.isEntry);
    if (chunk) return chunk.code;
  }
  throw new Error(`the ${FRAME_FILE} build produced no script`);
}

function pymWithoutAutoInit(): Plugin {
  return {
    name: 'embed-pym',
    transform(code, id) {
      return PYM_FILE.test(id.split('?')[0]!) ? { code: withoutPymAutoInit(code), map: null } : undefined;
    },
  };
}

export interface EmbedPluginOptions {
  /** The story embedded: its element name and title go into the host page script. */
  story: StoryFolder;
  /** The host page script's source, relative to the project root. */
  frameEntry: string;
  /** The element's source (served as /embed.js by the dev server), relative to the project root. */
  elementEntry: string;
}

export function embedPlugin({ story, frameEntry, elementEntry }: EmbedPluginOptions): Plugin[] {
  let root = process.cwd();
  const frameStory = (): FrameStory => {
    const result = loadStoryFolder(story.dir, root);
    if (!result.ok) throw new Error(formatErrors(result.errors));
    const { meta } = result.folder.story;
    return { element: meta.embedElement, title: meta.title };
  };
  return [
    pymWithoutAutoInit(),
    {
      name: 'embed',
      configResolved(config) {
        root = config.root;
      },
      async generateBundle(_options, bundle) {
        if (this.environment.config.consumer !== 'client') return;
        const element = bundle[ELEMENT_FILE];
        if (element?.type !== 'chunk') this.error(`${ELEMENT_FILE} is missing from the client build`);
        const from = dirname(ELEMENT_FILE);
        const hrefs = cssReachableFrom(bundle, ELEMENT_FILE).map((file) => {
          const path = posix.relative(from, file);
          return path.startsWith('.') ? path : `./${path}`;
        });
        element.code = fillCssPlaceholder(element.code, hrefs);
        this.emitFile({
          type: 'asset',
          fileName: FRAME_FILE,
          source: await buildFrameScript(root, resolve(root, frameEntry), frameStory()),
        });
      },
      // `vite` (dev) serves the same two URLs, so a test host page works against either server.
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          if (path === `${server.config.base}${ELEMENT_FILE}`) {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(
              `import ${JSON.stringify(`${server.config.base}${relative(root, resolve(root, elementEntry))}`)};\n`,
            );
            return;
          }
          if (path !== `${server.config.base}${FRAME_FILE}`) return next();
          Promise.resolve()
            .then(() => buildFrameScript(root, resolve(root, frameEntry), frameStory()))
            .then((code) => {
              res.setHeader('Content-Type', 'text/javascript');
              res.setHeader('Cache-Control', 'no-cache');
              res.end(code);
            }, next);
        });
      },
    },
  ];
}
