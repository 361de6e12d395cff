/**
 * The story tells the article, the whole article and nothing but: every sentence of its body, in
 * order, unchanged, with paragraph breaks where the article has them.
 *
 * Left out on purpose: the title and the "Publication: …" line (they are the story's front matter)
 * and the photo caption "Russian President Vladimir Putin (R) and Japanese Prime Minister Shinzo Abe
 * (Source: Reuters)", which belongs to a Reuters photo the project must not ship.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMarkdown, plainText, renderMarkdown } from '../../src/build/story/markdown.ts';
import { splitStory } from '../../src/build/story/split.ts';
import { parseYaml } from '../../src/build/story/yaml.ts';
import { loadStory } from '../stories.ts';

const kurils = loadStory('kurils');
const article = readFileSync(resolve(kurils.folder.dir, 'source/article.md'), 'utf8');
const story = splitStory(kurils.source);

const TITLE = 'The Rocky Road to Russo-Japanese Peace';
const PUBLICATION = 'Publication: Eurasia Daily Monitor Volume: 13 Issue: 195';
const CAPTION = 'Russian President Vladimir Putin (R) and Japanese Prime Minister Shinzo Abe (Source: Reuters)';

const body = article.slice(article.indexOf('\n---\n') + '\n---\n'.length);
const paragraphs = body
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter((p) => p !== '' && p !== TITLE && p !== PUBLICATION && p !== CAPTION);
const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z])/));
const plains = story.steps.map((step) => plainText(step.body.text));

describe('the story text is the article', () => {
  it('reads the article as expected (title, publication line and caption found and left out)', () => {
    expect(body).toContain(TITLE);
    expect(body).toContain(PUBLICATION);
    expect(body).toContain(CAPTION);
    expect(paragraphs).toHaveLength(7);
    expect(sentences).toHaveLength(22);
    expect(story.problems).toEqual([]);
  });

  it('has every sentence, in order and unchanged', () => {
    const text = plains.join('\n\n');
    let from = 0;
    for (const sentence of sentences) {
      const at = text.indexOf(sentence, from);
      expect(at, `missing or out of order: ${sentence}`).toBeGreaterThanOrEqual(from);
      from = at + sentence.length;
    }
  });

  it('adds nothing, splits only between sentences, and breaks paragraphs where the article does', () => {
    let rest = paragraphs.join('\n\n');
    for (const [i, plain] of plains.entries()) {
      expect(rest.startsWith(plain), `step ${i + 1} does not continue the article: ${plain.slice(0, 60)}…`).toBe(true);
      expect(plain, `step ${i + 1} ends mid-sentence`).toMatch(/[.!?]$/);
      rest = rest.slice(plain.length).replace(/^( |\n\n)(?=[A-Z])/, '');
    }
    expect(rest).toBe('');
  });

  it('is plain text as far as the Markdown subset goes', () => {
    for (const step of story.steps) expect(checkMarkdown(step.body.text)).toEqual([]);
  });

  it('lists each step’s parenthetical citations in its cite, in order', () => {
    for (const [i, step] of story.steps.entries()) {
      const inText = [...(plains[i] ?? '').matchAll(/\(([^()]*)\)/g)].flatMap((m) => (m[1] ?? '').split('; '));
      const yaml = parseYaml(step.yaml).value as { cite?: string[] };
      expect(yaml.cite ?? [], `cite of step ${i + 1}`).toEqual(inText);
    }
  });

  it('shows every parenthetical citation as a source tag, its words and brackets kept', () => {
    for (const [i, step] of story.steps.entries()) {
      const cite = (parseYaml(step.yaml).value as { cite?: string[] }).cite ?? [];
      const html = renderMarkdown(step.body.text, cite);
      const tags = [...html.matchAll(/<span class="source-tag">(.*?)<\/span><\/span>/g)].map((m) =>
        (m[1] ?? '').replace(/<[^>]+>/g, ''),
      );
      const inText = [...(plains[i] ?? '').matchAll(/\([^()]*\)/g)].map((m) => m[0]);
      expect(tags, `source tags of step ${i + 1}`).toEqual(inText);
      expect(html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'), `text of step ${i + 1}`).toContain(inText[0] ?? '');
    }
  });
});
