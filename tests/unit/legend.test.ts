/**
 * The legend rendered on the server, as in the prerendered page: every swatch carries its colours
 * in SVG attributes, never in a style attribute that a strict Content-Security-Policy refuses.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Legend from '../../src/app/story/Legend.svelte';
import { STORY_LAYERS, type StoryLayerId } from '../../src/shared/story/layers.ts';
import { OCCUPATION_DASHES, palette } from '../../src/shared/map/palette.ts';
import { legendFor } from '../../src/shared/story/reading-aids.ts';

const every = Object.keys(STORY_LAYERS) as StoryLayerId[];
const items = legendFor({ layers: every, muted: [] });
const html = render(Legend, { props: { items } }).body;

describe('Legend', () => {
  it('draws one swatch per legend entry (a layer, or each part of one), with no style attribute', () => {
    expect(items.length).toBeGreaterThan(every.length); // the 1945 layer has one entry per arm
    expect(html.match(/<svg class="swatch/g)).toHaveLength(items.length);
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
    // disputed, the two treaty borders, the missiles' ranges, the two 1945 arms
    expect(dashed).toHaveLength(6);
  });

  it("dashes each 1945 arm with the map's own pattern for that arm", () => {
    expect(html).toContain(`stroke-dasharray="${OCCUPATION_DASHES.north.map((n) => n * 3).join(' ')}"`);
    expect(html).toContain(`stroke-dasharray="${OCCUPATION_DASHES.south.map((n) => n * 3).join(' ')}"`);
  });
});
