import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  publicDir: '../assets/public',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
});
