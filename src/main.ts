import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app')!;
// The built page arrives prerendered (text first); the dev server sends an empty shell.
const start = target.firstElementChild ? hydrate : mount;
start(App, { target, props: { story } });
