module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-partner-facts',
  rootDir: __dirname,
};
