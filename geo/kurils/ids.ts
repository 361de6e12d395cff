/**
 * The small Node API for tools outside the build (the story validator, camera framing): which feature
 * ids exist, in which dataset, and where. Thin re-export of geo/kurils/schema.ts, which validates as it reads.
 */
export {
  allFeatureIds,
  type DatasetId,
  datasetFile,
  featureBBox,
  featureIds,
  loadAllDatasets,
  loadDataset,
  OUT_DIR,
} from './schema.ts';
