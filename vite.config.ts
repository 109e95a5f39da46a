import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Relative base: the built app works from any folder of any static host.
export default defineConfig({
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { target: 'es2022', sourcemap: false },
  plugins: [
    svelte(),
    VitePWA({
      strategies: 'generateSW',
      // The prompt flow: a new worker waits until the user agrees to reload (never mid-typing).
      registerType: 'prompt',
      injectRegister: false, // registered in src/pwa/register.ts with workbox-window
      filename: 'sw.js',
      includeAssets: ['favicon.svg', 'robots.txt'],
      manifest: {
        name: 'Diagnum : autodiagnostic numérique du lycée',
        short_name: 'Diagnum',
        description: 'Autodiagnostic numérique de l’établissement, hors ligne. Les données restent dans le navigateur.',
        lang: 'fr',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d3f8f',
        // The installed app opens Diagnum files from the file manager (Chromium desktop): see src/pwa/launched-files.svelte.ts.
        file_handlers: [{ action: './', accept: { 'application/json': ['.json'], 'application/zip': ['.zip'] } }],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
});
