/**
 * The legend rendered on the server, as in the prerendered page: every swatch carries its colours
 * in SVG attributes, never in a style attribute that a strict Content-Security-Policy refuses; and
 * each swatch is derived from the layer's own drawing in layers.yaml, so legend and map cannot drift.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Legend from '../../src/app/story/Legend.svelte';
import { legendFor } from '../../src/shared/story/reading-aids.ts';
import { colour, kurilStyle, kurils } from './kurils.ts';

const registry = kurils.layers.registry;
const every = registry.layers.map((layer) => layer.id);
const items = legendFor({ layers: every, muted: [] }, registry);
const html = render(Legend, { props: { items } }).body;

/** A MapLibre layer's paint property, as the live map draws it. */
const paint = (layer: string, property: string): unknown =>
  (kurilStyle.layers.find((l) => l.id === layer) as { paint?: Record<string, unknown> } | undefined)?.paint?.[property];

describe('Legend', () => {
  it('draws one swatch per legend entry (a layer, or each part of one), with no style attribute', () => {
    expect(items.length).toBeGreaterThan(every.length); // the 1945 layer has one entry per arm
    expect(html.match(/<svg class="swatch/g)).toHaveLength(items.length);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("draws each layer's colours as the map does: fills, outlines, lines and the places' dot", () => {
    expect(html).toContain(`fill="${colour('disputed-fill')}" stroke="${colour('disputed')}"`);
    expect(paint('disputed-fill', 'fill-color')).toBe(colour('disputed-fill'));
    expect(paint('disputed-line', 'line-color')).toBe(colour('disputed'));
    // A fill coloured by category: its first colour inside, the fallback as the outline.
    expect(html).toContain(`fill="${colour('bal')}" stroke="${colour('bastion')}"`);
    expect(html).toContain(`fill="${colour('offered')}" stroke="${colour('retained')}"`);
    expect(html).toContain(`<circle cx="6" cy="6" r="5.5" fill="${colour('places')}"`);
    expect(html).toMatch(new RegExp(`<line [^>]*stroke="${colour('occupation')}" stroke-width="3"`));
  });

  it('dashes the layers drawn dashed on the map, and only those, with their own pattern', () => {
    const dashed = html.match(/stroke-dasharray="/g) ?? [];
    // disputed, the two treaty borders, the missiles' ranges, the two 1945 arms
    expect(dashed).toHaveLength(6);
    const dashes = (layer: string) => paint(layer, 'line-dasharray') as number[];
    expect(html).toContain(
      `stroke-dasharray="${dashes('disputed-line')
        .map((n) => n * 2)
        .join(' ')}"`,
    );
    expect(html).toContain(
      `stroke-dasharray="${dashes('border-1855-line')
        .map((n) => n * 3)
        .join(' ')}"`,
    );
    expect(html).toContain(
      `stroke-dasharray="${dashes('border-1875-line')
        .map((n) => n * 3)
        .join(' ')}"`,
    );
  });

  it("dashes each 1945 arm with the map's own pattern for that arm", () => {
    for (const arm of ['north', 'south']) {
      const pattern = paint(`occupation-1945-${arm}-line`, 'line-dasharray') as number[];
      expect(html).toContain(`stroke-dasharray="${pattern.map((n) => n * 3).join(' ')}"`);
    }
    expect(paint('occupation-1945-north-line', 'line-dasharray')).not.toEqual(
      paint('occupation-1945-south-line', 'line-dasharray'),
    );
  });
});
