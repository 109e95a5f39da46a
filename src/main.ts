import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { registerServiceWorker } from './pwa/register';

mount(App, { target: document.getElementById('app')! });
performance.mark('diagnum:first-render'); // read by the benchmark
registerServiceWorker();
