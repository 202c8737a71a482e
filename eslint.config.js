import tseslint from 'typescript-eslint';

// The layers of ../shared/DESIGN.md: each folder may import only what its row of the table allows.
const layer = (name, forbidden, extra = []) => ({
  files: [`src/${name}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `${name}/ must not import ${f}/ (see DESIGN.md layers)` })),
          ...extra,
        ],
      },
    ],
  },
});
const noDexie = { group: ['dexie', 'dexie-react-hooks'], message: 'only src/local-db may import dexie' };
const noReact = { group: ['react', 'react-dom', 'react-dom/*', 'react-router', 'zustand'], message: 'no React outside src/ui' };
const noNode = { group: ['node:*', 'fs', 'path', 'crypto'], message: 'no Node built-ins in browser or domain code' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'dev-dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  layer('domain', ['local-db', 'sync', 'ui', 'server', 'cli'], [noDexie, noReact, noNode, { group: ['pg', '@electric-sql/*', 'fastify', '@fastify/*'], message: 'domain is pure' }]),
  layer('local-db', ['sync', 'ui', 'server', 'cli'], [noReact, noNode]),
  layer('sync', ['ui', 'server', 'cli'], [noReact, noNode, noDexie]),
  layer('ui', ['server', 'cli'], [{ group: ['dexie'], message: 'ui reads data through src/local-db and dexie-react-hooks' }, noNode]),
  layer('server', ['ui', 'local-db', 'sync'], [noDexie, noReact]),
  {
    // Only the transport module talks to the network; everything else goes through it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/sync/transport.ts', 'src/server/**'],
    rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'use src/sync/transport.ts' }] },
  },
);
