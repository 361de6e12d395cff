/**
 * The legend rendered on the server, as in the prerendered page: every swatch carries its colours
 * in SVG attributes, never in a style attribute that a strict Content-Security-Policy refuses.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Legend from '../../src/lib/story/Legend.svelte';
import { STORY_LAYERS, type StoryLayerId } from '../../src/lib/map/layers.ts';
import { palette } from '../../src/lib/map/palette.ts';
import { legendFor } from '../../src/lib/story/reading-aids.ts';

const every = Object.keys(STORY_LAYERS) as StoryLayerId[];
const html = render(Legend, { props: { items: legendFor({ layers: every, muted: [] }) } }).body;

describe('Legend', () => {
  it('draws one swatch per layer, with no style attribute', () => {
    expect(html.match(/<svg class="swatch/g)).toHaveLength(every.length);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("draws each layer's colours as the map does: fills, outlines, lines and the places' dot", () => {
    expect(html).toContain(`fill="${palette.disputedFill}" stroke="${palette.disputed}"`);
    expect(html).toContain(`fill="${palette.bal}" stroke="${palette.bastion}"`);
    expect(html).toContain(`<circle cx="6" cy="6" r="5.5" fill="${palette.places}"`);
    expect(html).toMatch(new RegExp(`<line [^>]*stroke="${palette.occupation}" stroke-width="3"`));
  });

  it('dashes the layers drawn dashed on the map, and only those', () => {
    const dashed = html.match(/stroke-dasharray="/g) ?? [];
    expect(dashed).toHaveLength(4); // disputed, the two treaty borders, the missiles' ranges
  });
});
