/**
 * The map's colours. Story colours come from the Okabe–Ito palette, chosen to stay distinct under
 * the common colour-vision deficiencies; each story layer also differs by pattern or line style,
 * so colour is never the only cue.
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
  disputed: '#d55e00',
  disputedFill: '#f6dccb',
  offered: '#0072b2',
  retained: '#8d877b',
  occupation: '#9e2a2b',
  renounced: '#cc79a7',
  treatyBorder: '#3d3d3d',
  bal: '#e69f00',
  bastion: '#b35806',
  places: '#222222',
  distance: '#0072b2',
  highlight: '#111111',
} as const;
