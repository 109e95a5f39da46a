import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { registerServiceWorker } from './pwa/register';
import { recoverFromMissingChunks } from './pwa/missing-chunks.svelte';
import { openDatabase } from './storage/connection';
import { trackChanges } from './storage/backup-state';

recoverFromMissingChunks();
trackChanges(); // every committed write is a change no export holds yet
void openDatabase(); // never rejects: a failure shows the recovery screen
mount(App, { target: document.getElementById('app')! });
performance.mark('diagnum:first-render'); // read by the benchmark
registerServiceWorker();
