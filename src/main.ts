import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { registerServiceWorker } from './pwa/register';
import { receiveLaunchedFiles } from './pwa/launched-files.svelte';
import { recoverFromMissingChunks } from './pwa/missing-chunks.svelte';
import { openDatabase } from './storage/connection';
import { trackChanges } from './storage/backup-state';

recoverFromMissingChunks();
trackChanges(); // every committed write is a change no export holds yet
void openDatabase(); // never rejects: a failure shows the recovery screen
// One task evaluates the modules and starts the database, the next one renders: two shorter
// tasks instead of one long one on a slow laptop (total blocking time).
await new Promise((resolve) => setTimeout(resolve, 0));
mount(App, { target: document.getElementById('app')! });
performance.mark('diagnum:first-render'); // read by the benchmark
registerServiceWorker();
receiveLaunchedFiles();
