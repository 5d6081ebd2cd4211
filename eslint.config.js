// One lint config for the whole repo. The layering rule of DESIGN.md lives here:
// workshops/ imports nothing of ours, web/ never imports sync-server/ and vice versa.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['workshops/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/web/**', '**/sync-server/**', '**/test/**'],
              message: 'workshops/ is the pure core and imports nothing of ours.',
            },
            {
              group: [
                'react',
                'react-*',
                'konva',
                'ws',
                'node:*',
                'fs',
                'path',
                'y-websocket',
                'y-leveldb',
                'y-indexeddb',
              ],
              message: 'workshops/ has no React, DOM or Node APIs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/sync-server/**'], message: 'web/ never imports sync-server/.' }],
        },
      ],
    },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/web/**'], message: 'sync-server/ never imports web/.' }] },
      ],
    },
  },
);
