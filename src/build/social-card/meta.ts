/**
 * The tags a shared link is previewed from (Open Graph, read by most platforms, and X's card type).
 * Crawlers want absolute URLs, which a build cannot know: without a site URL the image's address is
 * relative to the page (many platforms resolve it; newsrooms build with `--site-url` to be sure).
 */
import { SOCIAL_CARD } from './social-card.ts';

export interface SocialMeta {
  title: string;
  description: string;
  /** The page's absolute URL (ending in `/`), when the build was told where the site is served. */
  pageUrl?: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export function socialMetaTags({ title, description, pageUrl }: SocialMeta): string[] {
  const image = pageUrl === undefined ? SOCIAL_CARD.fileName : new URL(SOCIAL_CARD.fileName, pageUrl).href;
  const tags: Array<[string, string, string]> = [
    ['property', 'og:type', 'article'],
    ['property', 'og:title', title],
    ['property', 'og:description', description],
    ...(pageUrl === undefined ? [] : [['property', 'og:url', pageUrl] as [string, string, string]]),
    ['property', 'og:image', image],
    ['property', 'og:image:type', 'image/png'],
    ['property', 'og:image:width', String(SOCIAL_CARD.width)],
    ['property', 'og:image:height', String(SOCIAL_CARD.height)],
    ['name', 'twitter:card', 'summary_large_image'],
  ];
  return tags.map(([attribute, name, content]) => `<meta ${attribute}="${name}" content="${escapeHtml(content)}" />`);
}

/**
 * The address of a story's page on the site at `siteUrl` (the address the default story is served
 * at): the default story at the site's root, each other one in its folder. `siteUrl` must be http(s).
 */
export function storyPageUrl(siteUrl: string, slug: string | undefined): string {
  const site = new URL(siteUrl);
  if (site.protocol !== 'https:' && site.protocol !== 'http:') {
    throw new Error(`--site-url ${siteUrl}: must be an http:// or https:// address`);
  }
  const base = site.href.endsWith('/') ? site.href : `${site.href}/`;
  return slug === undefined ? base : new URL(`${slug}/`, base).href;
}
