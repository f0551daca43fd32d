/* global module -- a CommonJS hook that electron-builder loads with require */
// electron-builder hook (build/electron-builder.yml, beforeBuild). Returning false tells
// electron-builder that node_modules are handled elsewhere: it neither rebuilds nor copies them.
// Copydesk needs none in the package: build/vite.electron.config.mts bundles every dependency of
// the main process and the preload into dist/electron, and Vite bundles the renderer's.
module.exports = async function beforeBuild() {
  return false;
};
