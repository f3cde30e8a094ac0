import { defineConfig } from 'vitest/config';

// Unit and service tests. They run against real SQLCipher files in temp folders;
// scrypt at production cost makes each unlock take most of a second, hence the timeouts.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'db/**/*.test.ts', 'services/**/*.test.ts', 'cli/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
