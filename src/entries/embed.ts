/**
 * embed.js, the in-page embed: the story as a custom element with its own shadow root, named by the
 * story (front matter `embed_element`, e.g. `my-story`).
 *
 *   <script type="module" src="https://cdn.example.org/my-story/embed.js"></script>
 *   <my-story theme="dark" start="first-step" names="en" credits="hide" top-offset="60">
 *     <a href="https://cdn.example.org/my-story/">My story, a map story</a>
 *   </my-story>
 *
 * The element's own children show until the story is ready and without JavaScript (the shadow
 * root has no slot). Every file loads relative to this script, so the build serves from any CDN
 * folder; module scripts, fonts and data are fetched with CORS, so that server must allow the
 * news site's origin. Options: see src/shared/embed/options.ts. The dev server serves this file as
 * /embed.js too (its styles mirrored from the page's head).
 */
import { mount, unmount } from 'svelte';
import story from 'virtual:story';
import App from '../app/App.svelte';
import { windowViewport } from '../app/scroll/viewport.ts';
import { EMBED_OPTION_NAMES, embedOptionsFromElement } from '../shared/embed/options.ts';
import { registerTextFonts } from '../app/embed/fonts.ts';
import { linkStylesheets, mirrorDevStyles } from '../app/embed/shadow-styles.ts';
import '../app/app.css';

/**
 * The stylesheets reachable from this script, relative to it: the build writes them in place of
 * this string (src/build/embed/vite-plugin-embed.ts, which fails the build if it cannot).
 */
const BUILT_CSS = '__STORY_EMBED_CSS__' as unknown as readonly string[];

const stepIds = story.steps.map((step) => step.id);
// The story's page sits next to this script (the dev server serves it at its root).
const storyUrl = new URL(import.meta.env.DEV ? '/' : './', import.meta.url).href;
const warned = new Set<string>();

const ELEMENT = story.meta.embedElement;

class StoryElement extends HTMLElement {
  static observedAttributes = EMBED_OPTION_NAMES;

  #styles: Promise<void> | undefined;
  #app: ReturnType<typeof mount> | undefined;
  #target: HTMLElement | undefined;
  /** Bumped by every render and disconnect, so a render that waited on the stylesheets can tell it is stale. */
  #generation = 0;
  #renderQueued = false;

  connectedCallback() {
    this.#queueRender();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#unmount();
  }

  attributeChangedCallback() {
    // Attributes set before the element is on the page are read by its first render.
    if (this.isConnected && (this.#app || this.#renderQueued)) this.#queueRender();
  }

  /** One render for a burst of attribute changes made in the same task. */
  #queueRender() {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      if (this.isConnected) void this.#render();
    });
  }

  async #render() {
    const generation = ++this.#generation;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!this.#styles) {
      if (import.meta.env.DEV) {
        mirrorDevStyles(shadow);
        this.#styles = Promise.resolve();
      } else this.#styles = linkStylesheets(shadow, BUILT_CSS, import.meta.url);
    }
    registerTextFonts();
    const { options, problems } = embedOptionsFromElement(this, stepIds);
    for (const problem of problems) {
      if (warned.has(problem)) continue;
      warned.add(problem);
      console.warn(`<${ELEMENT}>: ${problem}`);
    }
    await this.#styles;
    if (generation !== this.#generation || !this.isConnected) return;

    this.#unmount();
    const target = document.createElement('div');
    target.className = 'story-embed';
    shadow.append(target);
    this.#target = target;
    this.#app = mount(App, {
      target,
      props: {
        story,
        embed: { kind: 'element', root: target, viewport: windowViewport(options.topOffset), options, storyUrl },
      },
    });
  }

  #unmount() {
    if (this.#app) void unmount(this.#app);
    this.#target?.remove();
    this.#app = undefined;
    this.#target = undefined;
  }
}

if (!customElements.get(ELEMENT)) customElements.define(ELEMENT, StoryElement);
