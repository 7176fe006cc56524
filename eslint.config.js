// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOutsideApp = {
  name: 'electron',
  message: "Only src-main/app/ may import 'electron'; keep core and shared runnable under plain Node.",
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOutsideApp] }],
    },
  },
  {
    files: ['src-main/app/**'],
    rules: {
      // One IPC gate: every handler goes through its trusted-sender check.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Only src-main/app/ipc-gate.ts may use ipcMain: answer through the IPC gate.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/app/ipc-gate.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/core/**', 'src-main/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOutsideApp],
          patterns: [
            {
              group: ['**/app/**', '**/src-renderer/**'],
              message: 'core and cli must not import the app or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**', 'src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOutsideApp],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-main'],
              message:
                'src-renderer and src-shared must not import src-main; talk through the contract in src-shared.',
            },
          ],
        },
      ],
    },
  },
);
