import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const CREAM = '#fdf8ee';
const TEAL = '#0b4a45';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // An update waits for the organiser ("Update now"): never reload mid-visit or with unsent records.
      registerType: 'prompt',
      // src/ui/pwa/register-service-worker.ts registers /sw.js with workbox-window itself.
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      // public/ icons are already precached by globPatterns below; adding them again would list them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Hearth',
        short_name: 'Hearth',
        description: 'Helps people choose who supports them at home, on a tablet, with or without a signal.',
        lang: 'en-GB',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        background_color: CREAM,
        theme_color: TEAL,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell only. Films and photos live in IndexedDB (Dexie), never in the precache:
        // Workbox skips files over 2 MiB and precached video breaks on iOS.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // Nothing under /api is answered by the service worker: the office's answers are never cached.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Background Sync where the browser has it: the worker only wakes the page (see the file).
        importScripts: ['/sw-background-sync.js'],
      },
    }),
  ],
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    // One ~550 kB bundle (170 kB gzipped) is precached once and then opens offline; splitting it buys
    // nothing on a tablet that loads it from the service worker, so the default 500 kB warning is noise.
    chunkSizeWarningLimit: 800,
  },
});
