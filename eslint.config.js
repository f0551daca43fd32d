// Lint, including the layering rules that keep Copydesk's parts apart (README.md, "Layout"):
// - shared/ imports no DOM, Node, Electron or React code;
// - renderer/ and electron/ never import each other;
// - only electron/shell/ (the thin Electron glue) may import 'electron', so tests never load it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare module names are matched exactly (a regex), so that './url' is not taken for 'url'.
const NODE_BUILTINS = '^(node:.*|fs|fs/.*|path|os|child_process|crypto|url|util|stream|events|worker_threads|process|buffer)$';
const ELECTRON = '^electron(/.*)?$';
const REACT_AND_DOM = '^(react|react-dom|react-dom/.*|prosemirror-view)$';

function restrict(pattern, message) {
  return Array.isArray(pattern) ? { group: pattern, message } : { regex: pattern, message };
}

export default tseslint.config(
  { ignores: ['.scratch/', 'node_modules/', 'dist/', 'out/', 'test-results/', 'playwright-report/', 'tests/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(NODE_BUILTINS, 'shared/ is pure TypeScript: no Node modules.'),
          restrict(ELECTRON, 'shared/ must not import Electron.'),
          restrict(REACT_AND_DOM, 'shared/ must not import DOM or React code.'),
          restrict(['**/electron/**', '**/renderer/**', '**/tests/**'], 'shared/ imports nothing from the other folders.'),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['electron/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(['**/renderer/**'], 'electron/ never imports renderer/: they talk through the preload API.'),
          restrict(REACT_AND_DOM, 'electron/ holds no DOM or React code.'),
          restrict(ELECTRON, "Only electron/shell/ may import 'electron': the rest must run in plain Node tests."),
        ],
      }],
    },
  },
  {
    files: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(['**/renderer/**'], 'electron/ never imports renderer/: they talk through the preload API.'),
          restrict(REACT_AND_DOM, 'electron/ holds no DOM or React code.'),
        ],
      }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(['**/electron/**'], 'renderer/ never imports electron/: it calls the preload API.'),
          restrict(ELECTRON, 'renderer/ never imports Electron: it calls the preload API.'),
          restrict(NODE_BUILTINS, 'renderer/ has no Node access.'),
        ],
      }],
    },
  },
  {
    files: ['tests/**', '*.mts', '*.js', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
);
