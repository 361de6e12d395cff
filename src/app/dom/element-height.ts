/**
 * An element's height for the page's state, as `bind:offsetHeight` gives it but without its first
 * synchronous read: that read forces a layout of the whole page inside the startup task. A
 * ResizeObserver reports the height after the browser's own layout, first when it is observed.
 */
import type { Attachment } from 'svelte/attachments';

export function heightOf(report: (height: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize[0];
      if (box) report(Math.round(box.blockSize));
    });
    observer.observe(element, { box: 'border-box' });
    return () => observer.disconnect();
  };
}
