// npm run lint: typescript-eslint's recommended rules over every TypeScript source.
// Formatting is the formatter's job, not the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test/fixtures/', '.vscode-test/', 'rules/', 'coverage/', 'bench/tmp/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Where `any` is the honest type: documents parsed from YAML/JSON pack and config
    // files (checked by their JSON Schema, then read field by field), settings a client
    // sends, unified's untyped plugin `this`, and tests reading the JSON a run printed.
    files: [
      'server/src/packs/**',
      'server/src/config/lockfile.ts',
      'server/src/config/load-config.ts',
      'server/src/engine/setup.ts',
      'server/src/engine/parse/parse.ts',
      'server/src/lsp/settings.ts',
      'test/**',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
