// Copies what tsc does not: the SVG icons (into dist/icons, referenced by the nodes and the
// credential as file:../../icons/... and file:../icons/...) and the nodes' codex JSON files.
const { src, dest, task, parallel } = require('gulp');

task('build:icons', () => src('icons/*.svg').pipe(dest('dist/icons')));
task('build:codex', () => src('nodes/**/*.node.json').pipe(dest('dist/nodes')));
task('build:assets', parallel('build:icons', 'build:codex'));
