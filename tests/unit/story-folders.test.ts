/**
 * Which stories a build holds (every folder with a story.md; story/stories.yaml names the default)
 * and what their pages tell the platforms a link is shared on.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readStories, storyFolder, storyFolders } from '../../src/build/story/folders.ts';
import { socialMetaTags, storyPageUrl } from '../../src/build/social-card/meta.ts';
import { wrapWords } from '../../src/build/social-card/social-card.ts';
import { ROOT } from '../stories.ts';

describe('story folders', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A project with these story folders (each with a story.md) and this stories.yaml. */
  function project(slugs: string[], config?: string): string {
    dir = mkdtempSync(join(tmpdir(), 'stories-'));
    for (const slug of slugs) {
      mkdirSync(join(dir, 'story', slug), { recursive: true });
      writeFileSync(join(dir, 'story', slug, 'story.md'), '---\n---\n');
    }
    mkdirSync(join(dir, 'story', 'drafts'), { recursive: true });
    if (config !== undefined) writeFileSync(join(dir, 'story/stories.yaml'), config);
    return dir;
  }

  it('the project serves the Kuril story at the root, with its data from its geo pipeline', () => {
    const stories = readStories(ROOT);
    expect(stories.default.slug).toBe('kurils');
    expect(stories.all.map((s) => s.slug)).toContain('kurils');
    expect(stories.default.file).toBe(join(ROOT, 'story/kurils/story.md'));
  });

  it('finds every folder holding a story.md, and only those', () => {
    const root = project(['second', 'first'], 'default: first\n');
    expect(storyFolders(root).map((s) => s.slug)).toEqual(['first', 'second']);
    const stories = readStories(root);
    expect(stories.default.slug).toBe('first');
    expect(stories.default.file).toBe(join(root, 'story/first/story.md'));
  });

  it('stops with the file, the line and what is allowed', () => {
    expect(() => readStories(project(['kurils']))).toThrow(
      'story/stories.yaml is missing: it names the story served at the root, e.g. "default: my-story"',
    );
    expect(() => readStories(project(['kurils', 'borders'], '# the root\ndefault: kurls\n'))).toThrow(
      'story/stories.yaml:2: default: "kurls" names no story folder — did you mean "kurils"? story folders: borders, kurils',
    );
    expect(() => readStories(project(['kurils'], 'default: kurils\nsecond: x\n'))).toThrow(
      'story/stories.yaml:2: unknown key "second" — allowed: default',
    );
    expect(() => readStories(project(['kurils'], 'default:\n'))).toThrow(
      'story/stories.yaml:1: default: required — the name of the story folder served at the root',
    );
    expect(() => readStories(project(['kurils'], '- kurils\n'))).toThrow(
      'story/stories.yaml:1: must be a mapping with one key, "default: <story folder>"',
    );
  });

  it('a folder name that cannot be a path of the site is refused', () => {
    const root = project(['My Story', 'assets'], 'default: assets\n');
    expect(() => storyFolder(root, 'story/My Story')).toThrow('"My Story" cannot name a story');
    expect(() => storyFolder(root, 'story/assets')).toThrow('and not "assets"');
    expect(() => storyFolder(root, 'story/drafts')).toThrow('story/drafts: no story.md in this folder');
  });
});

describe('social tags', () => {
  it('name the card relative to the page when the site address is not known', () => {
    const tags = socialMetaTags({ title: 'A "title"', description: 'A <dek>' });
    expect(tags).toContain('<meta property="og:title" content="A &quot;title&quot;" />');
    expect(tags).toContain('<meta property="og:description" content="A &lt;dek&gt;" />');
    expect(tags).toContain('<meta property="og:image" content="social-card.png" />');
    expect(tags.some((tag) => tag.includes('og:url'))).toBe(false);
  });

  it('place each story at its folder of the site address', () => {
    expect(storyPageUrl('https://example.org/graphics', undefined)).toBe('https://example.org/graphics/');
    expect(storyPageUrl('https://example.org/graphics/', 'borders')).toBe('https://example.org/graphics/borders/');
    expect(() => storyPageUrl('ftp://example.org/', undefined)).toThrow('must be an http:// or https:// address');
  });
});

describe('the social card title', () => {
  it('wraps between words and cuts the last line with an ellipsis', () => {
    expect(wrapWords('The Rocky Road to Peace', 12, 2)).toEqual(['The Rocky', 'Road to…']);
    expect(wrapWords('The Rocky Road to Peace', 12, 3)).toEqual(['The Rocky', 'Road to', 'Peace']);
    expect(wrapWords('One two', 20, 2)).toEqual(['One two']);
  });
});
