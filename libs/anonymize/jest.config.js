module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'anonymize',
  rootDir: __dirname,
};
