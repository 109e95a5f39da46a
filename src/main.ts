import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { registerServiceWorker } from './pwa/register';
import { receiveLaunchedFiles } from './pwa/launched-files.svelte';
import { recoverFromMissingChunks } from './pwa/missing-chunks.svelte';
import { openDatabase } from './storage/connection';
import { trackChanges } from './storage/backup-state';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

recoverFromMissingChunks();
trackChanges(); // every committed write is a change no export holds yet
// Three shorter tasks instead of one long one on a slow laptop (total blocking time): the
// modules are evaluated, then the database is built and opened, then the first page renders.
await nextTask();
void openDatabase(); // never rejects: a failure shows the recovery screen
await nextTask();
mount(App, { target: document.getElementById('app')! });
performance.mark('diagnum:first-render'); // read by the benchmark
registerServiceWorker();
receiveLaunchedFiles();
