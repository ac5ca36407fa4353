// What the benchmark times, bundled by scripts/bench.ts with the shipped bundles' esbuild options
// (scripts/esbuild-options.mjs): the core as the language server and reslint run it, not the
// TypeScript sources as tsx runs them.
export { findCitations } from '../server/src/core/citations/citations';
export { ResolutionIndex } from '../server/src/core/citations/index';
export { hover } from '../server/src/core/features/hover';
export { IncrementalAnalyser } from '../server/src/core/incremental';
export { activeRules, lint, runRule } from '../server/src/core/lint';
export { parse } from '../server/src/core/model/parse';
