/**
 * Colour arithmetic for checking the palette: parsing, compositing, colour-vision-deficiency
 * simulation, CIEDE2000 colour difference and WCAG 2.x contrast. Pure functions, no DOM; the map
 * never calls them at run time, the palette tests do.
 *
 * Colours are sRGB triples with channels in 0–1 (gamma-encoded, as in CSS) unless a name says
 * linear.
 */

export type Rgb = readonly [number, number, number];
export type Lab = readonly [number, number, number];

export interface Rgba {
  rgb: Rgb;
  alpha: number;
}

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

type Matrix = readonly [Rgb, Rgb, Rgb];

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function channel(value: string | undefined, scale: number): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n))
    throw new Error(`bad colour channel: ${value}`);
  return clamp01(n / scale);
}

function alphaChannel(value: string | undefined): number {
  if (value === undefined) return 1;
  const v = value.trim();
  return v.endsWith('%') ? channel(v.slice(0, -1), 100) : channel(v, 1);
}

/** `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`, case-insensitive. */
export function parseHex(hex: string): Rgba {
  const m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(hex.trim());
  if (!m?.[1]) throw new Error(`not a hex colour: ${hex}`);
  let digits = m[1];
  if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
  const byte = (i: number) => parseInt(digits.slice(2 * i, 2 * i + 2), 16) / 255;
  return { rgb: [byte(0), byte(1), byte(2)], alpha: digits.length === 8 ? byte(3) : 1 };
}

/** A hex colour, or `rgb()`/`rgba()` with comma-separated 0–255 channels and an optional alpha. */
export function parseColour(css: string): Rgba {
  const text = css.trim();
  if (text.startsWith('#')) return parseHex(text);
  const m = /^rgba?\(\s*([^,\s]+)\s*,\s*([^,\s]+)\s*,\s*([^,\s)]+)\s*(?:,\s*([^,\s)]+)\s*)?\)$/i.exec(text);
  if (!m) throw new Error(`unsupported colour: ${css}`);
  return { rgb: [channel(m[1], 255), channel(m[2], 255), channel(m[3], 255)], alpha: alphaChannel(m[4]) };
}

/** An opaque colour; throws on a translucent one, whose look depends on what is under it. */
export function opaque(css: string): Rgb {
  const { rgb, alpha } = parseColour(css);
  if (alpha !== 1) throw new Error(`${css} is translucent; composite it over its background first`);
  return rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(clamp01(c) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The sRGB transfer function (IEC 61966-2-1), per channel. */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function linearToSrgb(c: number): number {
  return c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
}

export const toLinear = (rgb: Rgb): Rgb => [srgbToLinear(rgb[0]), srgbToLinear(rgb[1]), srgbToLinear(rgb[2])];
export const fromLinear = (lin: Rgb): Rgb => [linearToSrgb(lin[0]), linearToSrgb(lin[1]), linearToSrgb(lin[2])];

/**
 * `fg` at `alpha` over an opaque `bg`. Blending is on gamma-encoded values, which is what browsers
 * do for CSS and what MapLibre's WebGL blending does, so the result is the colour actually drawn.
 */
export function composite(fg: Rgb, alpha: number, bg: Rgb): Rgb {
  const a = clamp01(alpha);
  return [fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a)];
}

/** Composites a CSS colour (with its own alpha, times `opacity`) over an opaque background. */
export function compositeCss(css: string, bg: Rgb, opacity = 1): Rgb {
  const { rgb, alpha } = parseColour(css);
  return composite(rgb, alpha * opacity, bg);
}

/**
 * Dichromat simulation matrices at severity 1.0 from G. M. Machado, M. M. Oliveira and
 * L. A. F. Fernandes, "A Physiologically-based Model for Simulation of Color Vision Deficiency",
 * IEEE Transactions on Visualization and Computer Graphics 15(6), 1291–1298, 2009 (their Table 1).
 * They act on linear RGB; each row sums to 1, so greys stay grey.
 */
export const MACHADO_2009: Record<Deficiency, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** How `rgb` looks to a dichromat; out-of-gamut results are clipped, as a display would. */
export function simulate(rgb: Rgb, deficiency: Deficiency): Rgb {
  const m = MACHADO_2009[deficiency];
  const lin = toLinear(rgb);
  const row = (r: Rgb) => clamp01(r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2]);
  return fromLinear([row(m[0]), row(m[1]), row(m[2])]);
}

// sRGB (D65) to CIE XYZ, IEC 61966-2-1.
const SRGB_TO_XYZ: Matrix = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
];
const D65: Rgb = [0.95047, 1, 1.08883];

export function toXyz(rgb: Rgb): Rgb {
  const lin = toLinear(rgb);
  const row = (r: Rgb) => r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2];
  return [row(SRGB_TO_XYZ[0]), row(SRGB_TO_XYZ[1]), row(SRGB_TO_XYZ[2])];
}

/** CIE 1976 L*a*b*, D65 white. */
export function toLab(rgb: Rgb): Lab {
  const xyz = toXyz(rgb);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const fx = f(xyz[0] / D65[0]);
  const fy = f(xyz[1] / D65[1]);
  const fz = f(xyz[2] / D65[2]);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const deg = (rad: number) => (rad * 180) / Math.PI;
const rad = (d: number) => (d * Math.PI) / 180;

/**
 * CIEDE2000 colour difference, following G. Sharma, W. Wu and E. N. Dalal, "The CIEDE2000
 * color-difference formula: implementation notes, supplementary test data, and mathematical
 * observations", Color Research & Application 30(1), 21–30, 2005.
 */
export function deltaE2000(lab1: Lab, lab2: Lab, kL = 1, kC = 1, kH = 1): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, ap: number) => (b === 0 && ap === 0 ? 0 : (deg(Math.atan2(b, ap)) + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);

  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dhp / 2));

  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp /= 2;
    else hbarp = h1p + h2p < 360 ? (hbarp + 360) / 2 : (hbarp - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos(rad(hbarp - 30)) +
    0.24 * Math.cos(rad(2 * hbarp)) +
    0.32 * Math.cos(rad(3 * hbarp + 6)) -
    0.2 * Math.cos(rad(4 * hbarp - 63));
  const dTheta = 30 * Math.exp(-(((hbarp - 275) / 25) ** 2));
  const Cbarp7 = Cbarp ** 7;
  const RC = 2 * Math.sqrt(Cbarp7 / (Cbarp7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbarp - 50) ** 2) / Math.sqrt(20 + (Lbarp - 50) ** 2);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(rad(2 * dTheta)) * RC;

  const l = dLp / (kL * SL);
  const c = dCp / (kC * SC);
  const h = dHp / (kH * SH);
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}

/** ΔE2000 between two sRGB colours. */
export const colourDifference = (a: Rgb, b: Rgb): number => deltaE2000(toLab(a), toLab(b));

/** WCAG 2.x relative luminance (its sRGB linearisation; the 0.04045 knee matches IEC 61966-2-1). */
export function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = toLinear(rgb);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio, 1–21, in either order. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
