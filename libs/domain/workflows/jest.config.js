module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-workflows',
  rootDir: __dirname,
};
