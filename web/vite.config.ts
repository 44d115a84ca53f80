/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// The server (build/wagelink serve) listens on 8080 by default; `npm run dev` proxies the API to it.
const apiTarget = process.env.WAGELINK_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus components used in templates are imported on demand (with their CSS),
    // so each route chunk carries only what it renders.
    Components({
      dts: false,
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Everything is served by WageLink itself on an intranet: no CDN, no external URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|@vueuse|async-validator|dayjs|lodash|lodash-es|lodash-unified|@ctrl|memoize-one|normalize-wheel-es)[\\/]/, priority: 20 },
            // Only the bundled Chinese texts: English stays the chunk of its own dynamic import.
            { name: 'locales', test: /src[\\/]locales[\\/](index\.ts|zh-CN[\\/])/, priority: 5 },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.spec.ts', 'src/**/__tests__/**/*.spec.ts'],
    restoreMocks: true,
    // Component tests render Element Plus through the on-demand imports above, which pull in its
    // CSS files: Vite has to transform the package for Node not to choke on them.
    server: { deps: { inline: ['element-plus'] } },
  },
});
