// Runner extension for test/electron/run-code-server.ts (code-server ignores
// --extensionTestsPath): once the workbench has started, loads the suite's index.js and calls its
// run(), as VS Code does with --extensionTestsPath, then writes the outcome. runner.json, written
// next to this file by run-code-server.ts, names the suite, the repository (where mocha is
// installed), the log file and the result file.
'use strict';
const fs = require('fs');
const path = require('path');

exports.activate = () => {
  const { suite, root, logFile, resultFile } = JSON.parse(fs.readFileSync(path.join(__dirname, 'runner.json'), 'utf8'));
  const log = (text) => fs.appendFileSync(logFile, `${text}\n`);
  // The extension host owns stdout and the console (they go to the workbench), so the spec
  // reporter's output is not at hand: report from mocha's runner events instead. The suite
  // requires the same mocha module (the repository's node_modules), so patching it here works.
  const Mocha = require(require.resolve('mocha', { paths: [root] }));
  const run = Mocha.prototype.run;
  Mocha.prototype.run = function (...args) {
    const runner = run.apply(this, args);
    const indent = (test) => '  '.repeat(Math.max(0, test.titlePath().length - 1));
    runner.on('suite', (s) => s.title && log(`  ${s.title}`));
    runner.on('pass', (t) => log(`  ${indent(t)}✓ ${t.title} (${t.duration} ms)`));
    runner.on('fail', (t, err) => log(`  ${indent(t)}✗ ${t.title}\n${String((err && err.stack) || err).replace(/^/gm, '      ')}`));
    runner.on('pending', (t) => log(`  ${indent(t)}- ${t.title} (pending)`));
    runner.on('end', () => log(`\n  ${runner.stats.passes} passing, ${runner.stats.failures} failing, ${runner.stats.pending} pending (${runner.stats.duration} ms)`));
    return runner;
  };
  setTimeout(() => {
    log(`[runner] ${suite}`);
    Promise.resolve()
      .then(() => require(suite).run())
      .then(
        () => fs.writeFileSync(resultFile, 'passed'),
        (err) => fs.writeFileSync(resultFile, `failed: ${(err && err.stack) || String(err)}`),
      );
  }, 1000);
};

exports.deactivate = () => {};
