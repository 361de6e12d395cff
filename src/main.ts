import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import App from './App.svelte';
// The page's text face, self-hosted: only the Latin files of the two weights the page sets.
import '@fontsource/source-serif-4/latin-400.css';
import '@fontsource/source-serif-4/latin-700.css';
import './app.css';

const target = document.getElementById('app')!;
// The built page arrives prerendered (text first); the dev server sends an empty shell.
const start = target.firstElementChild ? hydrate : mount;
start(App, { target, props: { story } });
