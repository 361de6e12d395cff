import { mount } from 'svelte';
import { viewFromUrl } from '../shared/present/url.ts';
import { storyUrlOf } from '../app/embed/context.ts';
import { registerOffline } from '../app/offline/register.ts';
import { adoptPage, readPageData } from '../app/page/adopt-page.svelte.ts';
import '../app/fonts.css';
import '../app/app.css';
// The prerendered article is not rendered again here: its components' styles come as plain CSS.
import '../app/story/legend.css';
import '../app/story/about.css';

const target = document.getElementById('app')!;
const page = new URL(location.href);
/** The whole story with its text: only the views that render it from script load it. */
const loadStory = () => import('virtual:story').then((module) => module.default);

if (viewFromUrl(page) === 'speaker') {
  // A lecturer's second window: the speaker view replaces the story (loaded only here).
  void Promise.all([import('../app/present/SpeakerWindow.svelte'), loadStory()]).then(
    ([{ default: SpeakerWindow }, story]) => {
      target.replaceChildren();
      mount(SpeakerWindow, { target, props: { story } });
    },
  );
} else if (page.searchParams.has('embed') && window.parent !== window) {
  // Inside a newsroom's pym.js iframe: the host's scroll drives the story (src/entries/embed-frame.ts).
  void Promise.all([
    import('../app/embed/frame-viewport.ts'),
    import('../shared/embed/options.ts'),
    import('../app/App.svelte'),
    loadStory(),
  ]).then(([{ startFrameChild }, { embedOptionsFromUrl }, { default: App }, story]) => {
    const { options, problems } = embedOptionsFromUrl(
      page,
      story.steps.map((s) => s.id),
    );
    for (const problem of problems) console.warn(problem);
    const { viewport } = startFrameChild(options.topOffset);
    // A newsroom's page gets no service worker from the story unless it asks (`&offline`).
    if (options.offline) registerOffline(storyUrlOf(page));
    // The prerendered page has the default options: render afresh.
    target.replaceChildren();
    mount(App, { target, props: { story, embed: { kind: 'frame', viewport, options, storyUrl: storyUrlOf(page) } } });
  });
} else {
  // The built page arrives prerendered (text first) and only its interactive parts mount; the dev
  // server sends an empty shell, where the whole story renders.
  const data = readPageData(document);
  if (data) adoptPage(target, data, loadStory);
  else
    void Promise.all([import('../app/App.svelte'), loadStory()]).then(([{ default: App }, story]) =>
      mount(App, { target, props: { story } }),
    );
  registerOffline(location.href);
}
