import { describe, expect, it } from 'vitest';
import { cameraTarget, chooseMoveMode, moveCamera, type CameraHost } from '../../src/shared/map/camera.ts';
import { clampPadding, clearOfToolbar, layoutFor, MIN_SUBJECT_PX } from '../../src/shared/layout.ts';
import { unionBounds } from '../../src/build/story/resolve.ts';
import type { Bounds } from '../../src/shared/story/types.ts';

function fakeHost(
  size = { width: 1000, height: 800 },
  held = { top: 0, right: 0, bottom: 0, left: 0 },
): CameraHost & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getCanvas: () => ({ clientWidth: size.width, clientHeight: size.height }),
    getPadding: () => held,
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
    expect(host.calls).toEqual(['fit padding {"top":40,"right":40,"bottom":40,"left":40}']);
  });

  it("shrinks the step's padding to the room the map's padding leaves", () => {
    // 320 wide with 16 + 16 held: 288 across, 40 + 40 of it for the step leaves more than enough.
    // 480 high with 150 + 248 held: 82 down, so the step's 40 + 40 would leave 2 pixels.
    const host = fakeHost({ width: 320, height: 480 }, { top: 150, right: 16, bottom: 248, left: 16 });
    cameraTarget({ kind: 'bounds', bounds: [145, 43, 148, 46], padding: 40, maxZoom: 9, bearing: 0, pitch: 0 }, host);
    const fit = JSON.parse(host.calls[0]!.replace('fit padding ', '')) as Record<string, number>;
    expect(fit.left).toBe(40);
    expect(fit.right).toBe(40);
    expect(82 - fit.top! - fit.bottom!).toBeGreaterThanOrEqual(MIN_SUBJECT_PX);
    expect(fit.top).toBe(fit.bottom);
  });
});

describe('clampPadding', () => {
  it('leaves padding that fits alone', () => {
    const padding = { top: 104, right: 16, bottom: 378, left: 16 };
    expect(clampPadding(padding, { width: 390, height: 844 })).toEqual(padding);
  });

  it('shrinks each axis in proportion to leave room for the subject', () => {
    const clamped = clampPadding({ top: 150, right: 16, bottom: 248, left: 16 }, { width: 320, height: 300 });
    expect(clamped.left).toBe(16);
    expect(clamped.right).toBe(16);
    expect(300 - clamped.top - clamped.bottom).toBeGreaterThanOrEqual(MIN_SUBJECT_PX);
    expect(clamped.top / clamped.bottom).toBeCloseTo(150 / 248, 1);
  });

  it('gives all the room to the subject on a canvas smaller than the minimum, and ignores negatives', () => {
    expect(clampPadding({ top: 10, right: 10, bottom: 10, left: -5 }, { width: 30, height: 0 })).toEqual({
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
    });
  });

  it('never leaves less than the minimum room on any phone or desktop size', () => {
    for (let width = 320; width <= 2560; width += 37) {
      for (let height = 200; height <= 1440; height += 41) {
        const padding = clampPadding(clearOfToolbar(layoutFor(width, height), 160), { width, height });
        expect(width - padding.left - padding.right, `${width}×${height} across`).toBeGreaterThanOrEqual(
          MIN_SUBJECT_PX,
        );
        expect(height - padding.top - padding.bottom, `${width}×${height} down`).toBeGreaterThanOrEqual(MIN_SUBJECT_PX);
      }
    }
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
