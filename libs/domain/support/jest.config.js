module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-support',
  rootDir: __dirname,
};
