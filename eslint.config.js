import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// DESIGN §2, rule 1: modules import each other only through index.ts. The platform is a toolkit
// of small parts (db, auth, audit …) that may be imported directly; contracts are plain schemas.
const moduleBoundary = (depth) => {
  const up = '../'.repeat(depth);
  return {
    group: [`${up}*/*`, `!${up}*/index.ts`, `!${up}platform/**`, `!${up}contracts/*`],
    message: 'Các module chỉ import nhau qua index.ts (DESIGN §2, quy tắc 1).',
  };
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'drizzle', 'bench/results', '.tdkt-test'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/*/*.ts'],
    ignores: ['src/platform/**', 'src/web/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleBoundary(1)] }] },
  },
  {
    files: ['src/*/*/*.ts'],
    ignores: ['src/web/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleBoundary(2)] }] },
  },
);
