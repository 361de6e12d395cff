/**
 * The caption and the speaker view rendered on the server from the real story: counter, text,
 * live region, blank layer, notes, next step and the end of the story; and the caption's type size
 * for the longest step.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import PresentCaption from '../../src/app/present/PresentCaption.svelte';
import SpeakerView from '../../src/app/present/SpeakerView.svelte';
import { captionFit } from '../../src/shared/present/caption-fit.ts';
import type { Story } from '../../src/shared/story/types.ts';
import { loadStory } from '../stories.ts';

const { story } = loadStory('kurils');
const count = story.steps.length;
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');

describe('PresentCaption', () => {
  const caption = (index: number, blank = false) =>
    render(PresentCaption, { props: { step: story.steps[index]!, count, blank } }).body;

  it('shows the step text and the counter in one polite live region', () => {
    const html = caption(4);
    expect(html).toMatch(/<div class="caption[^"]*" aria-live="polite" aria-atomic="true">/);
    expect(html).toContain(story.steps[4]!.html);
    expect(textOf(html)).toContain(`5 / ${count}`);
    expect(textOf(html)).toContain(`Step 5 of ${count}`);
  });

  it('covers the screen only when blanked, and says so to screen readers', () => {
    expect(caption(0)).not.toContain('class="blank');
    expect(textOf(caption(0))).not.toContain('Screen blanked');
    expect(caption(0, true)).toContain('class="blank');
    expect(textOf(caption(0, true))).toContain('Screen blanked, press B to return');
  });

  it('sets the longest step at 32px or more on a 1920×1080 screen, and short text at full size', () => {
    // The CSS base size is min(2.6vw, 4.6vh) times --fit: 49.68px at 1920×1080.
    const longest = story.steps.reduce((a, b) => (textOf(b.html).length > textOf(a.html).length ? b : a));
    const fit = captionFit(longest.html);
    expect(fit).toBeGreaterThan(0);
    expect(Math.min(0.026 * 1920, 0.046 * 1080) * fit).toBeGreaterThanOrEqual(32);
    expect(captionFit('<p>Nagato and Tokyo.</p>')).toBe(1);
  });

  it('renders no style attribute, which a strict Content-Security-Policy would refuse', () => {
    expect(caption(4)).not.toMatch(/\sstyle=/);
  });
});

describe('SpeakerView', () => {
  /** The real story with step `index`'s notes replaced, so the test does not depend on which steps have notes. */
  const withNotes = (index: number, notes: string | undefined): Story => ({
    ...story,
    steps: story.steps.map((step) => (step.index === index ? { ...step, notes } : step)),
  });
  const html = (index: number, from = story) =>
    render(SpeakerView, { props: { story: from, index, onstep: () => {} } }).body;

  it('shows the current and next steps, the notes, the position and the clock', () => {
    const text = textOf(html(0, withNotes(0, 'Open with the two venues.')));
    const [first, second] = story.steps;
    expect(text).toContain(textOf(first!.html));
    expect(text).toContain(textOf(second!.html));
    expect(text).toContain('Open with the two venues.');
    expect(text).not.toContain('No notes for this step');
    expect(text).toContain(`Step 1 of ${count}`);
    expect(text).toContain('00:00');
    expect(text).toMatch(/Now .*Notes .*Next/);
  });

  it('says when a step has no notes, and when the story ends', () => {
    const last = count - 1;
    const text = textOf(html(last, withNotes(last, undefined)));
    expect(text).toContain('No notes for this step');
    expect(text).toContain('End of the story');
    expect(text).toContain(`Step ${count} of ${count}`);
  });

  it('marks Previous unavailable on the first step and Next on the last', () => {
    expect(html(0)).toMatch(/aria-disabled="true"[^>]*>← Previous/);
    expect(html(0)).toMatch(/aria-disabled="false"[^>]*>Next →/);
    expect(html(count - 1)).toMatch(/aria-disabled="true"[^>]*>Next →/);
    expect(html(count - 1)).toMatch(/aria-disabled="false"[^>]*>← Previous/);
  });
});
