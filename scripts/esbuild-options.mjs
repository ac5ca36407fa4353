// The esbuild options every bundle of the project shares: the shipped client, server and CLI
// (scripts/build.mjs) and the core the benchmark times (scripts/bench.ts), so that the benchmark
// measures the code as it ships.
export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};
