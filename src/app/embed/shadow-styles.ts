/**
 * The story's stylesheets inside the element's shadow root, where the host page's CSS cannot reach
 * the story and the story's cannot reach the host.
 */

/**
 * Links each stylesheet (a path relative to `base`, the embed script's URL) into `shadow` and
 * resolves once all have loaded or failed, so the story never shows unstyled. A failed sheet is
 * a warning: the text is still worth showing. Only linked files: a host page's strict
 * Content-Security-Policy (`style-src` without 'unsafe-inline') refuses `<style>` elements, so
 * the element's own `:host` rules are in app.css too.
 */
export function linkStylesheets(shadow: ShadowRoot, hrefs: readonly string[], base: string): Promise<void> {
  const loads = hrefs.map(
    (href) =>
      new Promise<void>((done) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        // CORS, like the module scripts: the same cache entry as Vite's own links to these files.
        link.crossOrigin = '';
        link.href = new URL(href, base).href;
        link.addEventListener('load', () => done(), { once: true });
        link.addEventListener(
          'error',
          () => {
            console.warn(`<${shadow.host.localName}>: could not load the stylesheet ${link.href}`);
            done();
          },
          { once: true },
        );
        shadow.append(link);
      }),
  );
  return Promise.all(loads).then(() => undefined);
}

/**
 * The dev server has no CSS files: it injects each stylesheet into `document.head` as a
 * `<style data-vite-dev-id>` and edits it in place on hot updates. Copies them into `shadow` and
 * keeps the copies in step. Dev only (the host page gets the story's CSS as well).
 */
export function mirrorDevStyles(shadow: ShadowRoot): void {
  const copies = new Map<string, HTMLStyleElement>();
  const sync = () => {
    const live = new Set<string>();
    for (const style of document.head.querySelectorAll<HTMLStyleElement>('style[data-vite-dev-id]')) {
      const id = style.dataset.viteDevId!;
      live.add(id);
      let copy = copies.get(id);
      if (!copy) {
        copy = document.createElement('style');
        copies.set(id, copy);
        shadow.append(copy);
      }
      if (copy.textContent !== style.textContent) copy.textContent = style.textContent;
    }
    for (const [id, copy] of copies) {
      if (live.has(id)) continue;
      copy.remove();
      copies.delete(id);
    }
  };
  sync();
  new MutationObserver(sync).observe(document.head, { childList: true, subtree: true, characterData: true });
}
