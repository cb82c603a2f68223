module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-core',
  rootDir: __dirname,
};
