// ESLint flat config. Besides the usual TypeScript rules it enforces the process
// boundaries of the architecture: the renderer never reaches into main or Node, and
// src/shared imports nothing environment-specific (it runs in main, preload and renderer).
import js from '@eslint/js'
import { builtinModules } from 'node:module'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'
import layers from './eslint/mainLayers.js'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const nativeOrServerPackages = ['better-sqlite3', 'node-hid', 'serialport', '@serialport/*', 'ws', 'electron']

export const boundaryRules = {
  renderer: {
    'no-restricted-imports': [
      'error',
      {
        paths: nodeBuiltins.map((name) => ({
          name,
          message: 'The renderer has no Node: ask main over the contract.'
        })),
        patterns: [
          {
            group: ['**/main/**', '**/main'],
            message: 'The renderer must not import from main: use the IPC contract.'
          },
          { group: ['**/preload/**'], message: 'The renderer must not import the preload.' },
          { group: nativeOrServerPackages, message: 'Devices, files and sockets belong to main.' }
        ]
      }
    ]
  },
  shared: {
    'no-restricted-imports': [
      'error',
      {
        paths: nodeBuiltins.map((name) => ({ name, message: 'src/shared must run anywhere: no Node.' })),
        patterns: [
          {
            group: ['**/main/**', '**/renderer/**', '**/preload/**'],
            message: 'src/shared imports only src/shared.'
          },
          {
            group: [...nativeOrServerPackages, 'react', 'react-dom', 'antd'],
            message: 'src/shared is environment-free.'
          }
        ]
      }
    ],
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'process',
        'Buffer',
        'require'
      ].map((name) => ({ name, message: 'src/shared must not touch the DOM or Node globals.' }))
    ]
  },
  hub: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/main/**', '**/main', '**/renderer/**', '**/preload/**'],
            message: 'The hub imports only src/shared and its own files (src/hub/README.md).'
          },
          { group: ['electron'], message: 'The hub is a plain Node service: no Electron.' }
        ]
      }
    ]
  },
  preload: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/main/**', '**/renderer/**'],
            message: 'The preload imports only electron and src/shared.'
          },
          {
            group: ['zod'],
            message: 'Keep the sandboxed preload tiny: import names.ts, not the zod contract.'
          }
        ]
      }
    ]
  }
}

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'test-artifacts/**', 'test/fixtures/**', 'dist/**', 'coverage/**']
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...boundaryRules.renderer }
  },
  { files: ['src/shared/**/*.ts'], rules: boundaryRules.shared },
  {
    // Scanners deal in control characters (CR, LF, GS, NUL) by nature.
    files: ['src/shared/scan/**', 'src/main/devices/**', 'test/scan/**', 'test/devices/**'],
    rules: { 'no-control-regex': 'off' }
  },
  { files: ['src/preload/**/*.ts'], rules: boundaryRules.preload },
  {
    files: ['src/main/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/main-layers': 'error' }
  },
  { files: ['src/hub/**/*.ts'], rules: boundaryRules.hub }
)
