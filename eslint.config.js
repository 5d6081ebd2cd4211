// One lint config for the whole repo. The layering rules (docs/architecture.md) live here:
// workshops/ imports nothing of ours, web/ never imports sync-server/ and vice versa;
// and workshops/ stays pure (no clock, randomness or module-level state).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE_CORE =
  'workshops/ is pure: take the time and ids as parameters (Clock, Ids in workshops/env.ts).';

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
      // The core is pure: it reads no clock and no randomness and keeps no state between calls.
      // Time and ids come in as parameters (workshops/env.ts: Clock, Ids).
      'no-restricted-globals': [
        'error',
        { name: 'crypto', message: PURE_CORE },
        { name: 'performance', message: PURE_CORE },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: PURE_CORE },
        { object: 'Math', property: 'random', message: PURE_CORE },
        { object: 'globalThis', property: 'crypto', message: PURE_CORE },
        { object: 'globalThis', property: 'performance', message: PURE_CORE },
        { object: 'globalThis', property: 'Date', message: PURE_CORE },
        { object: 'globalThis', property: 'Math', message: PURE_CORE },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: PURE_CORE },
        { selector: "CallExpression[callee.name='Date']", message: PURE_CORE },
        {
          selector:
            "Program > VariableDeclaration[kind='let'], Program > ExportNamedDeclaration > VariableDeclaration[kind='let']",
          message: 'workshops/ keeps no state between calls: no module-level `let`.',
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
    // The board engine (no React): its views are passed in (BoardOptions.fitText), so its import
    // graph holds neither the view registry nor React or Konva. Flat config replaces the rule
    // for these files, so web/'s own pattern is repeated.
    files: [
      'web/board/board.ts',
      'web/board/board-*.ts',
      'web/board/sync-observer.ts',
      'web/board/presence.ts',
      'web/board/geometry.ts',
      'web/board/connectors.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/sync-server/**'], message: 'web/ never imports sync-server/.' },
            {
              group: ['./elements', './elements/*', 'react', 'react-dom', 'konva', 'konva/*'],
              allowTypeImports: true,
              message: 'The board engine knows no view: pass what it needs in BoardOptions.',
            },
          ],
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
