module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-family',
  rootDir: __dirname,
};
