/**
 * CSS custom properties set from script through the CSSOM. A strict Content-Security-Policy
 * (`style-src 'self'`) refuses `style` attributes in HTML, which is what Svelte's `style:`
 * directive renders on the server; `element.style.setProperty` is allowed. As an attachment the
 * values are set once the page runs and again whenever they change; the CSS gives each one a
 * default for the prerendered page (`var(--pin-top, 0px)`).
 */
import type { Attachment } from 'svelte/attachments';

/** `{@attach cssVars({ '--pin-top': '12px' })}`; an undefined value removes the property. */
export function cssVars(values: Record<`--${string}`, string | number | undefined>): Attachment<HTMLElement> {
  return (element) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) element.style.removeProperty(name);
      else element.style.setProperty(name, String(value));
    }
  };
}
