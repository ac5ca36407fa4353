// The shipped resolution index (data/resolution-index.json, built by scripts/build-index.ts),
// kept apart from index.ts so that the build script does not import the file it writes.
import rows from '../data/resolution-index.json';
import { ResolutionIndex, type IndexRow } from './index';

/** A fresh index over the shipped data (workspace documents and catalogues are added to it). */
export function shippedIndex(): ResolutionIndex {
  return ResolutionIndex.fromData(rows as IndexRow[]);
}
