/** The console's entry: the token, the API client on this origin, and the page for the path. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './app.js';
import { takeToken } from './api.js';

const token = takeToken(window.location, window.localStorage, window.history);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App server={window.location.origin} initialToken={token} />
  </StrictMode>,
);
