/**
 * The "Embed this story" snippets: the HTML a newsroom copies into its page. Everything put into
 * them is escaped, so a title with markup in it is pasted as text, never as live markup.
 */
const CLOSE_SCRIPT = '</' + 'script>';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** `text` as HTML text or a double-quoted attribute value (an apostrophe stays readable). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

export interface Snippet {
  id: 'iframe' | 'element';
  heading: string;
  note: string;
  code: string;
}

/**
 * Both snippets for the story served from `base` (its folder URL, ending in `/`), whose embed
 * element is `element` (a custom element name, checked when the story is built).
 */
export function embedSnippets(base: string, title: string, element: string): Snippet[] {
  const url = escapeHtml(base);
  const tag = escapeHtml(element);
  return [
    {
      id: 'iframe',
      heading: 'As an iframe',
      note: 'Your page’s scroll drives the story; the iframe grows to the story’s height (a Pym.js-compatible protocol).',
      code: `<div data-${tag}="${url}?embed"></div>\n<script src="${url}embed-frame.js" defer>${CLOSE_SCRIPT}`,
    },
    {
      id: 'element',
      heading: 'In your page',
      note: `A <${element}> element: its styles and yours stay apart (Shadow DOM).`,
      code: `<script type="module" src="${url}embed.js">${CLOSE_SCRIPT}\n<${tag}><a href="${url}">${escapeHtml(title)}, a map story</a></${tag}>`,
    },
  ];
}
