/**
 * The map's colours. Story colours come from the Okabe–Ito palette, chosen to stay distinct under
 * the common colour-vision deficiencies; each story layer also differs by pattern or line style,
 * so colour is never the only cue. Lines are darkened where needed to keep 3:1 against land and every
 * sea colour; tests/unit/palette.test.ts checks that, AA text contrast, and that the story colours
 * stay apart as drawn under simulated protanopia, deuteranopia and tritanopia.
 */
export const palette = {
  sea: '#d9e5ee',
  seaBands: ['#e3ecf3', '#dde8f0', '#d6e3ec', '#d0dee9'],
  land: '#f5f2ea',
  landLine: '#a9a192',
  worldLand: '#f5f2ea',
  border: '#8d877b',
  label: '#2e2e2e',
  labelMuted: '#5b5b5b',
  halo: '#ffffff',
  // Okabe–Ito vermillion, darkened to hold 3:1 against the sea and the fill it outlines.
  disputed: '#bb5200',
  disputedFill: '#f3ceb4',
  offered: '#0072b2',
  retained: '#7f7a6f',
  occupation: '#9e2a2b',
  // Okabe–Ito reddish purple, darkened for 3:1 against the sea.
  renounced: '#ac658c',
  treatyBorder: '#3d3d3d',
  // Okabe–Ito orange darkened for 3:1, and a dark brown that stays apart from it for dichromats.
  bal: '#a47000',
  bastion: '#7f3b08',
  places: '#222222',
  distance: '#0072b2',
  highlight: '#111111',
} as const;

/**
 * The 1945 arms' dash patterns, in line widths (MapLibre's unit), shared by the map and the legend:
 * two patterns, so the arms differ by more than position; both say "schematic".
 */
export const OCCUPATION_DASHES = { north: [2, 1.5], south: [4, 1.5] } as const;
