/** The in-page element's text faces: added once per weight, and never an error when the font set refuses. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEXT_FAMILY, registerTextFonts } from '../../src/app/embed/fonts.ts';

class FakeFace {
  constructor(
    readonly family: string,
    readonly source: string,
    readonly descriptors: { weight: string },
  ) {}
  get weight() {
    return this.descriptors.weight;
  }
}

beforeEach(() => vi.stubGlobal('FontFace', FakeFace));
afterEach(() => vi.unstubAllGlobals());

const docWith = (fonts: unknown) => ({ fonts }) as unknown as Document;

describe('registerTextFonts', () => {
  it('adds the two weights once', () => {
    const faces: FakeFace[] = [];
    const fonts = { add: (face: FakeFace) => faces.push(face), [Symbol.iterator]: () => faces.values() };
    registerTextFonts(docWith(fonts));
    registerTextFonts(docWith(fonts));
    expect(faces.map((face) => [face.family, face.weight])).toEqual([
      [TEXT_FAMILY, '400'],
      [TEXT_FAMILY, '700'],
    ]);
  });

  it('does not throw when the document has no font set, or it refuses faces', () => {
    const refusing = {
      add: () => {
        throw new DOMException('refused', 'InvalidModificationError');
      },
      [Symbol.iterator]: () => [][Symbol.iterator](),
    };
    const throwing = {
      get fonts(): never {
        throw new DOMException('refused', 'SecurityError');
      },
    } as unknown as Document;
    expect(() => registerTextFonts(docWith(refusing))).not.toThrow();
    expect(() => registerTextFonts(throwing)).not.toThrow();
    expect(() => registerTextFonts(docWith(undefined))).not.toThrow();
  });
});
