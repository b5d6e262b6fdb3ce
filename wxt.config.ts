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
    // storage: settings, feedback, reports and the NGO profile; alarms: report delivery retries and the NGO's scheduled
    // rule-pack updates; contextMenus: "Report as job scam".
    permissions: ['storage', 'alarms', 'contextMenus'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'waspada@waspada.invalid',
              // 140 (ESR) and 142 on Android are the first to know data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // Chromium checks enterprise policies for the NGO profile against this schema (generated: npm run schemas).
          // Firefox reads policies.json "3rdparty" without a schema and warns about the key, so only Chromium gets it.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // The sources zip is for store review (Firefox): what builds the extension, not tests, fixtures or tooling output.
    excludeSources: ['tests/**', 'demo-screenshots/**', 'bench-results/**', 'coverage/**', 'keys/**', '**/*.pem', '*.zip'],
  },
});
