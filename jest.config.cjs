/** Tests run against the TypeScript sources (domain, emulator) and the built bundle (dist/). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.node.json', diagnostics: false }],
  },
  testTimeout: 120000,
};
