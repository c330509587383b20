/** Tests of the product (tests/) and of the emulated Workspace (emulator/tests/), TypeScript sources and the built bundle (dist/). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/emulator/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.node.json', diagnostics: false }],
  },
  testTimeout: 120000,
};
