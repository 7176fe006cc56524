import { PRODUCT_NAME } from '../../src-shared/product.ts';

/** Placeholder until the dashboard issue: says what the app is and where the server listens. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: '3rem auto', maxWidth: '36rem' }}>
      <h1>{PRODUCT_NAME}</h1>
      <p>The dashboard is on its way. The MCP server runs at http://127.0.0.1:3210/mcp.</p>
    </main>
  );
}
