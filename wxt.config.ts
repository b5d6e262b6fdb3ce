import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    // Localised from public/_locales/<lang>/messages.json (folders id, en, ms, vi, th, fil).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings, feedback and reports; alarms: report delivery retries; contextMenus: "Report as job scam".
    permissions: ['storage', 'alarms', 'contextMenus'],
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
