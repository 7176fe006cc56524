import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
// The styles in cascade order: page frame, tables, shared parts, then the screens' own.
import './styles/frame.css';
import './styles/tables.css';
import './styles/parts.css';
import './styles/screens.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
