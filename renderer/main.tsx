/**
 * The renderer's entry: mounts the React shell (app/App.tsx) into #root. The page talks to the
 * main process only through `window.copydesk` (the preload API); a page opened without it (a
 * plain browser) gets a message instead of a half-working app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './editor/editor.css';
import './editor/review.css';
import './app/app.css';
import { App } from './app/App';
import { hasApi } from './app/api';
import { MissingApi } from './app/MissingApi';
import { prefetchLibrary } from './app/library/use-library';

// The drafts are asked for while React renders the shell: the library's first paint waits for them.
if (hasApi()) prefetchLibrary();
const root = document.getElementById('root');
if (!root) throw new Error('Copydesk: the page has no #root element.');
createRoot(root).render(<StrictMode>{hasApi() ? <App /> : <MissingApi />}</StrictMode>);
