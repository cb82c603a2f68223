module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-offer',
  rootDir: __dirname,
};
