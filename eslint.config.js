// ESLint 9 flat config: type-aware typescript-eslint plus import cycle detection.
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

// Separate from the build tsconfigs, which leave tests out of dist.
const lintProjects = ['./tsconfig.eslint.json', './modeler-ui/tsconfig.eslint.json'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-types/**',
      '**/node_modules/**',
      '**/data/**',
      '**/coverage/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  importPlugin.flatConfigs.typescript,
  {
    languageOptions: {
      parserOptions: { project: lintProjects, tsconfigRootDir: import.meta.dirname },
    },
    settings: {
      // Maps the `.js` specifiers of NodeNext imports to their `.ts` sources, so no-cycle sees them.
      'import/resolver': { typescript: { project: lintProjects, noWarnOnMultipleProjects: true } },
      'import/ignore': ['node_modules'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'import/no-cycle': ['error', { ignoreExternal: true }],
      // Implementations of async interfaces may have nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // vitest's asymmetric matchers (expect.stringContaining, …) are typed `any` by design.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Plain JavaScript (scripts, migrations, this file) is linted without type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
