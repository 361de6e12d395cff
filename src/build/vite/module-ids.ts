/** The virtual modules the build serves to the app, in one place (their types: src/app/virtual-*.d.ts). */
export const MODULE_IDS = {
  story: 'virtual:story',
  staticMaps: 'virtual:static-maps',
  mapFonts: 'virtual:map-fonts',
  islands: 'virtual:islands',
  storyMap: 'virtual:story-map',
} as const;

export type VirtualModuleId = (typeof MODULE_IDS)[keyof typeof MODULE_IDS];
