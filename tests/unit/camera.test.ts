import { describe, expect, it } from 'vitest';
import { cameraTarget, chooseMoveMode, moveCamera, type CameraHost } from '../../src/lib/map/camera.ts';
import { clearOfToolbar, layoutFor } from '../../src/lib/layout.ts';
import { unionBounds } from '../../src/lib/story/resolve.ts';
import type { Bounds } from '../../src/lib/story/types.ts';

function fakeHost(): CameraHost & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    setPadding: () => calls.push('padding'),
    cameraForBounds: (_bounds, options) => {
      calls.push(`fit padding ${JSON.stringify(options?.padding)}`);
      return { center: { lng: 146, lat: 44 } as never, zoom: 6.5, bearing: options?.bearing ?? 0 };
    },
    jumpTo: () => calls.push('jump'),
    easeTo: () => calls.push('ease'),
    flyTo: () => calls.push('fly'),
    getZoom: () => 5,
    getCenter: () => ({ lng: 140, lat: 40 }),
  };
}

const pad = { top: 10, right: 10, bottom: 10, left: 10 };

describe('cameraTarget', () => {
  it('keeps a declared centre as is', () => {
    const target = cameraTarget({ kind: 'center', center: [146, 44], zoom: 7, bearing: 10, pitch: 20 }, fakeHost());
    expect(target).toEqual({ center: [146, 44], zoom: 7, bearing: 10, pitch: 20 });
  });

  it("fits bounds through MapLibre with only the step's own padding (the map holds the card's)", () => {
    const host = fakeHost();
    const target = cameraTarget(
      { kind: 'bounds', bounds: [145, 43, 148, 46], padding: 40, maxZoom: 9, bearing: 0, pitch: 0 },
      host,
    );
    expect(target).toEqual({ center: [146, 44], zoom: 6.5, bearing: 0, pitch: 0 });
    expect(host.calls).toEqual(['fit padding 40']);
  });
});

describe('chooseMoveMode', () => {
  const to = { center: [146, 44] as [number, number], zoom: 7, bearing: 0, pitch: 0 };
  it('jumps when motion is off or the move must be instant', () => {
    expect(chooseMoveMode({ motion: false, instant: false, from: { center: [0, 0], zoom: 1 }, to })).toBe('jump');
    expect(chooseMoveMode({ motion: true, instant: true, from: { center: [0, 0], zoom: 1 }, to })).toBe('jump');
  });
  it('flies far and eases near', () => {
    expect(chooseMoveMode({ motion: true, instant: false, from: { center: [37, 55], zoom: 3 }, to })).toBe('fly');
    expect(chooseMoveMode({ motion: true, instant: false, from: { center: [146.5, 44.2], zoom: 7.3 }, to })).toBe(
      'ease',
    );
  });
});

describe('moveCamera', () => {
  it('uses exactly one camera method per move', () => {
    const host = fakeHost();
    const target = { center: [146, 44] as [number, number], zoom: 7, bearing: 0, pitch: 0 };
    moveCamera(host, target, 'jump', pad);
    moveCamera(host, target, 'ease', pad);
    moveCamera(host, target, 'fly', pad);
    expect(host.calls).toEqual(['jump', 'ease', 'fly']);
  });
});

describe('layoutFor', () => {
  it('keeps the subject above the card on phones and uses a side column on desktops', () => {
    const phone = layoutFor(390, 844);
    expect(phone.mode).toBe('phone');
    expect(phone.padding.bottom).toBeGreaterThan(844 * 0.4);
    const desktop = layoutFor(1440, 900);
    expect(desktop.mode).toBe('wide');
    expect(desktop.padding.bottom).toBeLessThan(100);
  });
});

describe('unionBounds', () => {
  const tokyo: Bounds = [139.74, 35.67, 139.74, 35.67];
  const washington: Bounds = [-77.02, 38.9, -77.02, 38.9];
  const moscow: Bounds = [37.62, 55.75, 37.62, 55.75];

  it('goes the short way round: Tokyo and Washington frame the North Pacific', () => {
    expect(unionBounds([tokyo, washington])).toEqual([139.74, 35.67, 282.98, 38.9]);
    expect(unionBounds([washington, tokyo])).toEqual([139.74, 35.67, 282.98, 38.9]);
  });

  it('keeps boxes that are closer across Greenwich on that side', () => {
    expect(unionBounds([washington, moscow])).toEqual([-77.02, 38.9, 37.62, 55.75]);
    expect(unionBounds([moscow, tokyo, [10, 40, 20, 50]])).toEqual([10, 35.67, 139.74, 55.75]);
  });

  it('takes in a box that already crosses the antimeridian', () => {
    expect(unionBounds([[170, 50, 190, 60], washington])).toEqual([170, 38.9, 282.98, 60]);
  });
});

describe('clearOfToolbar', () => {
  it('pushes a phone’s top padding below tools that wrapped to more rows', () => {
    const phone = layoutFor(360, 740);
    expect(clearOfToolbar(phone, 0).top).toBe(phone.padding.top);
    expect(clearOfToolbar(phone, 125.2).top).toBe(146);
    expect(clearOfToolbar(phone, 125.2).bottom).toBe(phone.padding.bottom);
  });

  it('leaves wide screens alone: their tools sit beside the subject', () => {
    const wide = layoutFor(1440, 900);
    expect(clearOfToolbar(wide, 300)).toEqual(wide.padding);
  });
});
