/** The "Embed this story" snippets: the title and URL go in as text, never as markup. */
import { describe, expect, it } from 'vitest';
import { embedSnippets, escapeHtml } from '../../src/shared/embed/snippets.ts';

const BASE = 'https://cdn.example.org/kurils/';

describe('embedSnippets', () => {
  it("gives both snippets with this copy's URLs and the title", () => {
    const [iframe, element] = embedSnippets(BASE, 'The Rocky Road to Russo-Japanese Peace', 'kuril-story');
    expect(iframe!.code).toBe(
      `<div data-kuril-story="${BASE}?embed"></div>\n<script src="${BASE}embed-frame.js" defer></script>`,
    );
    expect(element!.code).toBe(
      `<script type="module" src="${BASE}embed.js"></script>\n` +
        `<kuril-story><a href="${BASE}">The Rocky Road to Russo-Japanese Peace, a map story</a></kuril-story>`,
    );
  });

  it('names the story’s own element in both snippets', () => {
    const [iframe, element] = embedSnippets(BASE, 'A story', 'my-story');
    expect(iframe!.code).toContain(`<div data-my-story="${BASE}?embed"></div>`);
    expect(element!.code).toContain(`<my-story><a href="${BASE}">A story, a map story</a></my-story>`);
    expect(element!.note).toBe('A <my-story> element: its styles and yours stay apart (Shadow DOM).');
  });

  it('escapes a title with markup, so the copied snippet holds its text, not live markup', () => {
    const title = 'Peace <img src=x onerror="alert(1)"> & <script>steal()</script>';
    const element = embedSnippets(BASE, title, 'kuril-story')[1]!.code;
    expect(element).toContain(
      '<a href="https://cdn.example.org/kurils/">Peace &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;steal()&lt;/script&gt;, a map story</a>',
    );
    expect(element).not.toContain('<img');
    expect(element.match(/<script/g)).toHaveLength(1);
  });

  it('keeps an apostrophe readable', () => {
    expect(embedSnippets(BASE, "Japan's islands", 'kuril-story')[1]!.code).toContain(
      ">Japan's islands, a map story</a>",
    );
  });

  it('escapes the URL inside its attribute', () => {
    const [iframe] = embedSnippets('https://cdn.example.org/a"b&c/', 'T', 'kuril-story');
    expect(iframe!.code).toContain('data-kuril-story="https://cdn.example.org/a&quot;b&amp;c/?embed"');
  });
});

describe('escapeHtml', () => {
  it('escapes the four characters that end text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
