module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-request',
  rootDir: __dirname,
};
