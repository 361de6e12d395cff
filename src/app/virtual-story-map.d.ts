/** The story's map, built from its layers.yaml by src/build/map/vite-plugin-story-map.ts. */
declare module 'virtual:story-map' {
  /** The datasets and MapLibre layers. */
  export const style: import('../shared/map/style.ts').StoryMapStyle;
  /** URLs of the data files, each `{ [datasetId]: FeatureCollection }`: the first holds what the first step shows. */
  export const data: string[];
}
