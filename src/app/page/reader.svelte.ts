/**
 * The reader's place in the story and the page's live state, shared by every part of the page
 * that shows it (map pane, tools, rail, step list). Owns the active step; the map only follows
 * it. Its decisions are the small modules beside it and in src/shared/scroll; this wires them to
 * the browser's events.
 */
import { tick } from 'svelte';
import type { MapStep, NameMode, PageData } from '../../shared/story/types.ts';
import type { EmbedContext } from '../embed/context.ts';
import { DEFAULT_EMBED_OPTIONS, type EmbedOptions } from '../../shared/embed/embed-options.ts';
import { windowViewport, type StoryViewport } from '../scroll/viewport.ts';
import { createScroller, type Scroller } from '../scroll/scroller.ts';
import { scrollTopFor } from '../../shared/scroll/active-step.ts';
import { clearOfToolbar, layoutFor, presentPadding, type Layout } from '../../shared/layout.ts';
import { indexFromHash } from '../../shared/present/url.ts';
import { timelineFor, type TimelineYear } from '../../shared/story/reading-aids.ts';
import type { PaddingOptions } from 'maplibre-gl';
import { addressForStep } from '../../shared/scroll/address.ts';
import { stepKeyAction, takesKey } from '../../shared/scroll/step-keys.ts';
import { planResize, readingAtBurstStart } from '../../shared/scroll/resize-plan.ts';
import { motionAllowed, saveMotionChoice, type MotionChoice } from '../a11y/motion.ts';
import { saveNameChoice } from '../map/names.ts';
import { namespacedStore, safeStorage, type ChoiceStore } from '../dom/storage.ts';
import { followReducedMotion, rememberedPreferences } from './preferences.ts';
import { onResizeBurst } from './resize-burst.ts';
import { picturesEagerForPrint } from './print.ts';
import { enterPresentAddress, leavePresentAddress, opensPresenting } from './present-entry.ts';
import { afterFirstFrame } from './after-first-frame.ts';
import { onFirstEngagement } from './first-engagement.ts';
import { prefetchMap, whenPaintedAndIdle } from '../map/prefetch.ts';
import { creditsOf } from '../../shared/story/layers.ts';

const IN_CONTROL = 'input, select, textarea, [contenteditable], dialog, .map-frame, .map-tools';

/** What the reader's state needs of the story: its map states, not its text. */
export type ReaderStory = Pick<PageData, 'steps' | 'names' | 'registry' | 'embedElement' | 'panel'>;

export class StoryReader {
  /** The feature panel, if the story has one. */
  readonly panel: PageData['panel'];
  /** The map data's credits (each dataset's `attribution` in layers.yaml), for the line under the map. */
  readonly credits: ReturnType<typeof creditsOf>;
  readonly steps: readonly MapStep[];
  readonly embed: EmbedContext | undefined;
  readonly options: EmbedOptions;
  readonly viewport: StoryViewport;
  readonly embedded: boolean;

  active = $state(0);
  progress = $state(0);
  /**
   * A step reached by a jump (deep link, keyboard, timeline, an embed's start) rather than by
   * scrolling through it: its map shows the step's end state, a `reveal` drawn whole, until the
   * reader scrolls on to another step.
   */
  jumpedTo = $state<number | null>(null);
  /** The live map is mounted: after the first frame, so its WebGL probe is not in the startup task. */
  mapMounted = $state(false);
  mapFailed = $state<string | null>(null);
  /** The live map has drawn; until then (and if it fails) the step's still picture stands in. */
  mapReady = $state(false);
  /** The map lost its WebGL context and is being rebuilt; the still picture stands in meanwhile. */
  mapRestoring = $state(false);
  /** A reader who came for a step, a presentation or an embed gets the live map without waiting. */
  mapEager = $state(false);
  motionChoice = $state<MotionChoice>('system');
  systemReduced = $state(false);
  names = $state<NameMode>('both');
  layout = $state<Layout>(layoutFor(1440, 900));
  selectedFeature = $state<string | null>(null);
  exploring = $state(false);
  /** The bottom edge of a phone's tool row over the map, which the camera keeps clear of. */
  toolbarBottom = $state(0);
  viewportHeight = $state(900);
  /** In an iframe as tall as the story: how far down the map pane sits to stay in the host's view. */
  pinTop = $state(0);
  /** Present mode: the map full screen, one step at a time (src/app/present, loaded on demand). */
  presenting = $state(false);
  presentLegendHeight = $state(0);
  /** Read out by screen readers when the reader steps by keyboard (scrolling speaks for itself). */
  announcement = $state('');

  readonly step: MapStep;
  readonly motion: boolean;
  readonly timeline: TimelineYear[];
  /** The part of the map the text card, tool row or present mode's caption covers. */
  readonly padding: PaddingOptions;

  /** The motion and name choices, remembered where the browser allows storage. */
  #choices: ChoiceStore;
  #stepElements: HTMLElement[] = [];
  #scroller: Scroller | undefined;

  constructor({ steps, names: defaultNames, registry, embedElement, panel }: ReaderStory, embed?: EmbedContext) {
    this.steps = steps;
    this.panel = panel;
    this.credits = creditsOf(registry.datasets);
    this.#choices = namespacedStore(safeStorage(), embedElement);
    this.embed = embed;
    this.options = embed?.options ?? DEFAULT_EMBED_OPTIONS;
    this.viewport = embed?.viewport ?? windowViewport();
    this.embedded = embed !== undefined;
    // The story's default language for place names; the reader's choice replaces it.
    this.names = this.options.names ?? defaultNames;
    this.step = $derived(this.steps[this.active] ?? this.steps[0]!);
    this.motion = $derived(motionAllowed(this.motionChoice, this.systemReduced));
    this.timeline = $derived(timelineFor(this.steps, this.step, registry));
    this.padding = $derived(
      this.presenting
        ? presentPadding(this.viewportHeight, this.presentLegendHeight)
        : clearOfToolbar(this.layout, this.toolbarBottom),
    );
  }

  setActive(index: number): void {
    const next = this.steps[index];
    if (!next) return;
    this.active = index;
    // An embed leaves the address alone: it is the host's (or, in an iframe, nobody's).
    if (this.embedded) return;
    const address = addressForStep(next.id, location, {
      presenting: this.presenting,
      readingIntro: () => this.#readingIntro(),
    });
    if (address !== null) history.replaceState(history.state, '', address);
  }

  /** Moves to step `index` at once (keyboard, timeline): the map's own move is the motion. */
  goToStep(index: number): void {
    const target = Math.min(Math.max(index, 0), this.steps.length - 1);
    this.jumpedTo = target;
    this.#placeStep(target);
    this.setActive(target);
    this.#announce();
  }

  goToStepId(id: string): void {
    this.goToStep(this.steps.findIndex((s) => s.id === id));
  }

  toggleMotion(): void {
    this.motionChoice = this.motion ? 'off' : 'on';
    saveMotionChoice(this.#choices, this.motionChoice);
  }

  chooseNames(names: NameMode): void {
    this.names = names;
    saveNameChoice(this.#choices, names);
  }

  startPresenting(): void {
    this.presenting = true;
    enterPresentAddress(window, this.step.id);
  }

  /** Back to the scrolling story, at the step the presentation was on. */
  async stopPresenting(): Promise<void> {
    this.presenting = false;
    leavePresentAddress(window, this.step.id);
    await tick();
    this.#scroller ??= this.#startScroller();
    this.#placeStep(this.active);
  }

  /**
   * Starts following the reader, over the page's step elements; returns the stop. Nothing here
   * reads the layout before the first frame is drawn, except for a deep link's jump.
   */
  start(stepElements: HTMLElement[]): () => void {
    // The preview is one still card: no steps to follow, no map to run.
    if (this.options.preview) return () => {};
    this.#stepElements = stepElements;
    const stops: (() => void)[] = [];
    const remembered = rememberedPreferences(this.#choices, this.names);
    this.motionChoice = remembered.motion;
    this.names = remembered.names;
    stops.push(followReducedMotion((reduced) => (this.systemReduced = reduced)));

    // A deep link opens at its step at once: the page jumps there and the map starts there.
    const linked = this.embedded ? -1 : indexFromHash(location.hash, this.steps);
    const presentNow = opensPresenting(location.href, this.embedded);
    this.mapEager = linked >= 0 || this.embedded || presentNow;
    // Even reading the window's size forces a layout of the whole page: a deep link's jump needs it
    // at once, everything else after the first frame.
    if (linked >= 0) {
      this.#measureLayout();
      this.#openAt(linked);
    }
    if (this.embedded && this.options.start !== undefined) this.jumpedTo = 0;
    if (!this.mapEager) {
      // The map's files come into the cache once the page is idle (the map asks for them itself
      // as soon as it is wanted and the device has WebGL).
      stops.push(whenPaintedAndIdle(() => prefetchMap()));
      stops.push(onFirstEngagement(window, () => (this.mapEager = true)));
    }

    // In the host's page the story only takes the keys pressed inside it.
    const keyTarget: HTMLElement | Window = this.embed?.kind === 'element' ? this.embed.root : window;
    const onKey = (event: Event) => this.#onKey(event as KeyboardEvent);
    keyTarget.addEventListener('keydown', onKey);
    stops.push(() => keyTarget.removeEventListener('keydown', onKey));
    stops.push(
      onResizeBurst(
        window,
        () =>
          this.#placedByResize ??
          readingAtBurstStart({
            following: this.#scroller !== undefined,
            jumpedTo: this.jumpedTo,
            active: this.active,
            inIntro: () => this.#readingIntro(),
          }),
        (before) => this.#afterResize(before),
      ),
    );
    stops.push(picturesEagerForPrint(window, document));
    if (presentNow) this.startPresenting();

    stops.push(
      afterFirstFrame(() => {
        this.#measureLayout();
        // A presentation hides the steps, which the scroller cannot measure: it starts on the way back.
        if (!this.presenting) {
          this.#scroller = this.#startScroller();
          this.setActive(linked >= 0 ? linked : this.#scroller.measure());
        }
        this.#pinMapPane();
        this.mapMounted = true;
      }),
    );
    return () => {
      for (const stop of stops) stop();
      this.#releasePlaced();
      this.#scroller?.destroy();
    };
  }

  #openAt(linked: number): void {
    this.active = linked;
    this.jumpedTo = linked;
    this.#placeStep(linked);
    // The browser's own jump to the #fragment may come after this; place the step again then,
    // unless the reader has already moved on (End, a flick) before the page finished loading.
    if (document.readyState === 'complete') return;
    let readerMoved = false;
    const moved = () => (readerMoved = true);
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) {
      window.addEventListener(type, moved, { once: true, passive: true });
    }
    window.addEventListener('load', () => readerMoved || this.#placeStep(linked), { once: true });
  }

  #onKey(event: KeyboardEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const action = stepKeyAction(
      {
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        defaultPrevented: event.defaultPrevented,
        inDialog: target?.closest('dialog') != null,
        inControl: target?.closest(IN_CONTROL) != null,
      },
      {
        presenting: this.presenting,
        exploring: this.exploring,
        embedded: this.embedded,
        active: this.active,
        count: this.steps.length,
        readingIntro: () => this.#readingIntro(),
      },
    );
    if (takesKey(action)) event.preventDefault();
    if (action.kind === 'stop-exploring') this.exploring = false;
    else if (action.kind === 'present') this.startPresenting();
    else if (action.kind === 'go') this.goToStep(action.index);
    else if (action.kind === 'top') {
      window.scrollTo({ top: 0, behavior: 'instant' });
      const at = this.#scroller?.measure() ?? 0;
      this.jumpedTo = at;
      this.setActive(at);
      this.#announce();
    }
  }

  #afterResize(readingBefore: number): void {
    const before = this.layout;
    this.#measureLayout();
    const plan = planResize({
      presenting: this.presenting,
      framed: this.embed?.kind === 'frame',
      readingBefore,
      modeChanged: this.layout.mode !== before.mode,
      triggerChanged: this.layout.triggerOffset !== before.triggerOffset,
    });
    if (plan.kind === 'layout' || !this.#scroller) return;
    if (plan.restartScroller) {
      this.#scroller.destroy();
      this.#scroller = this.#startScroller();
    }
    if (plan.kind === 'rescan') {
      this.#scroller.resize();
      return;
    }
    this.#placeStep(plan.index);
    this.setActive(plan.index);
    // The scroller may still report where the reflow had put the page; until it has seen the page
    // where it now is (two frames), the placed step holds, for the scroller and for a next resize.
    this.#placedByResize = plan.index;
    this.#releasePlaced();
    this.#releasePlaced = afterFirstFrame(() => {
      this.#releasePlaced = afterFirstFrame(() => (this.#placedByResize = null));
    });
  }

  /**
   * The live map cannot run here: its still pictures take its place, and every card shows its own,
   * so the page above the reader grows. The reader stays on the step they were reading.
   */
  failMap(reason: string): void {
    const scroller = this.presenting || this.embed?.kind === 'frame' ? undefined : this.#scroller;
    // Measured before the pictures change the page: the scroller's last report may lag a fresh scroll.
    const reading = scroller && !this.#readingIntro() ? scroller.measure() : -1;
    this.mapFailed = reason;
    if (reading < 0) return;
    void tick().then(() => {
      this.#placeStep(reading);
      this.#scroller?.resize();
      this.setActive(reading);
    });
  }

  /** The step a resize has just scrolled back to, while the scroller's reports may predate it. */
  #placedByResize: number | null = null;
  #releasePlaced: () => void = () => {};

  #startScroller(): Scroller {
    return createScroller({
      steps: this.#stepElements,
      offset: this.layout.triggerOffset,
      viewport: this.viewport,
      onStep: (index) => {
        if (this.embed?.kind === 'frame') {
          this.#measureLayout();
          this.#pinMapPane();
        }
        // While presenting the story is hidden and the slides own the step.
        if (this.presenting || this.#placedByResize !== null) return;
        if (index !== this.jumpedTo) this.jumpedTo = null;
        this.setActive(index);
      },
      onProgress: (index, value) => {
        if (index === this.active) this.progress = value;
      },
    });
  }

  /**
   * The layout follows the story's own width (an embed may be a column of the host page) and the
   * reader's visible height. Unchanged values are not reassigned: the map would re-fit.
   */
  #measureLayout(): void {
    const next = layoutFor(this.embed?.root?.clientWidth ?? window.innerWidth, this.viewport.height());
    if (JSON.stringify(next) !== JSON.stringify(this.layout)) this.layout = next;
    this.viewportHeight = this.viewport.height();
  }

  /** The reader is above the first step: its top has not reached the trigger line yet. */
  #readingIntro(): boolean {
    const first = this.#stepElements[0];
    if (!first) return false;
    const { viewport } = this;
    return first.getBoundingClientRect().top - viewport.top() > viewport.height() * this.layout.triggerOffset;
  }

  /** Scrolls so that step `index` sits just past the trigger line, i.e. is the active step. */
  #placeStep(index: number): void {
    const element = this.#stepElements[index];
    if (!element) return;
    const { viewport } = this;
    viewport.scrollToDocumentY(
      scrollTopFor(viewport.documentTopOf(element), viewport.height() * this.layout.triggerOffset),
    );
  }

  /** Keeps an iframe's map pane over the part of the iframe the host page shows. */
  #pinMapPane(): void {
    if (this.embed?.kind !== 'frame') return;
    const room = document.documentElement.scrollHeight - this.viewport.height();
    this.pinTop = Math.round(Math.min(Math.max(this.viewport.top(), 0), Math.max(room, 0)));
  }

  /** The step's own description of its map, from the page (the text is not in the script). */
  #announce(): void {
    const alt = this.#stepElements[this.active]?.querySelector('.alt')?.textContent?.replace(/\s+/g, ' ').trim();
    this.announcement = `Step ${this.active + 1} of ${this.steps.length}. ${alt ?? ''}`.trim();
  }
}
