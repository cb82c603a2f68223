module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-partnership',
  rootDir: __dirname,
};
