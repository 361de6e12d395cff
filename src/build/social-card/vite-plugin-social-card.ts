/**
 * Writes the story's social card (social-card.ts) beside its page as `social-card.png`, a fixed
 * name the page's `og:image` names; the dev server serves it at the same address.
 */
import type { Plugin } from 'vite';
import type { StoryFolder } from '../story/folders.ts';
import { loadStoryFolder } from '../story/story-folder.ts';
import { staticMapData } from '../static-map/render.ts';
import { rasteriseCard, SOCIAL_CARD, socialCardSvg } from './social-card.ts';

/** The card of the story in `story`, or undefined when the story is invalid (the story plugin says why). */
export async function renderSocialCard(story: StoryFolder, root: string): Promise<Buffer | undefined> {
  const result = loadStoryFolder(story.dir, root);
  if (!result.ok) return undefined;
  const { story: parsed, layers } = result.folder;
  return rasteriseCard(socialCardSvg(parsed, staticMapData(layers.style, layers.collections)), root);
}

export function socialCardPlugin({ story }: { story: StoryFolder }): Plugin {
  let root = process.cwd();
  return {
    name: 'social-card',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      const png = await renderSocialCard(story, root);
      if (png !== undefined) this.emitFile({ type: 'asset', fileName: SOCIAL_CARD.fileName, source: png });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `${server.config.base}${SOCIAL_CARD.fileName}`) return next();
        renderSocialCard(story, root).then((png) => {
          if (png === undefined) {
            res.statusCode = 404;
            res.end();
            return;
          }
          res.setHeader('Content-Type', 'image/png');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(png);
        }, next);
      });
    },
  };
}
