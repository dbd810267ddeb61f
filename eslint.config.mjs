// `npm run lint` (and the "lint (eslint)" stage of `npm test`). A small, deliberate rule set: each rule
// catches a defect the compiler does not, nothing stylistic beyond how types are imported.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const unusedVars = {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrors: 'none',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig(
  globalIgnores([
    'out/', 'dist/', 'node_modules/', 'media/', '.vscode-test/', '.harness/', 'test-results/',
    'test/fixtures/', 'test/go/', '**/*.d.ts',
  ]),
  // A disable comment for a rule that reports nothing there is stale: it goes.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // A promise nobody awaits loses its rejection; `void` marks fire-and-forget where it is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', unusedVars],
      // Type-only imports vanish from the bundle: activation must not load a heavy module for its types.
      // `require('./x') as typeof import('./x')` stays allowed: it is how features are loaded on first use.
      '@typescript-eslint/consistent-type-imports': ['error', {
        prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false,
      }],
    },
  },
  // The build and test scripts are plain JavaScript: no type information, so only unused names.
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.cjs', 'bin/*.js', 'eslint.config.mjs'],
    rules: { 'no-unused-vars': ['error', unusedVars] },
  },
);
