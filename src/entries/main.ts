import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import App from '../app/App.svelte';
import { viewFromUrl } from '../shared/present/url.ts';
import { storyUrlOf } from '../app/embed/context.ts';
import { registerOffline } from '../app/offline/register.ts';
import '../app/fonts.css';
import '../app/app.css';

const target = document.getElementById('app')!;

const page = new URL(location.href);

if (viewFromUrl(page) === 'speaker') {
  // A lecturer's second window: the speaker view replaces the story (loaded only here).
  void import('../app/present/SpeakerWindow.svelte').then(({ default: SpeakerWindow }) => {
    target.replaceChildren();
    mount(SpeakerWindow, { target, props: { story } });
  });
} else if (page.searchParams.has('embed') && window.parent !== window) {
  // Inside a newsroom's pym.js iframe: the host's scroll drives the story (src/entries/embed-frame.ts).
  void Promise.all([import('../app/embed/frame-viewport.ts'), import('../shared/embed/options.ts')]).then(
    ([{ startFrameChild }, { embedOptionsFromUrl }]) => {
      const { options, problems } = embedOptionsFromUrl(
        page,
        story.steps.map((s) => s.id),
      );
      for (const problem of problems) console.warn(problem);
      const { viewport } = startFrameChild(options.topOffset);
      // A newsroom's page gets no service worker from the story unless it asks (`&offline`).
      if (options.offline) registerOffline(storyUrlOf(page));
      // The prerendered page has the default options: render afresh rather than hydrate.
      target.replaceChildren();
      mount(App, { target, props: { story, embed: { kind: 'frame', viewport, options, storyUrl: storyUrlOf(page) } } });
    },
  );
} else {
  // The built page arrives prerendered (text first); the dev server sends an empty shell.
  const start = target.firstElementChild ? hydrate : mount;
  start(App, { target, props: { story } });
  registerOffline(location.href);
}
