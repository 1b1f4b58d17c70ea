// Copies the SVG icons into dist/icons. Nodes and the credential reference them as
// `file:../../icons/...` / `file:../icons/...` relative to their compiled files, which keeps
// one copy of each icon for the whole package.
const { src, dest, task } = require('gulp');

task('build:icons', () => src('icons/*.svg').pipe(dest('dist/icons')));
