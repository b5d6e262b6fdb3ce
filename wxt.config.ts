import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  zip: {
    // The sources zip is what a store reviewer rebuilds from: no tests, fixtures or local outputs.
    excludeSources: ['tests/**', 'bench-results/**', 'demo-screenshots/**', 'coverage/**'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    // Localised from public/_locales/<lang>/messages.json (folders id, en, ms, vi, th, fil).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Settings and the user's feedback on posts live in storage.local, read by the content script.
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'waspada@waspada.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
